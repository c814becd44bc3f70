package io.metasystem.mlcore.meta;

import java.time.OffsetDateTime;

/**
 * A long-running connector task (sync) as reported to callers.
 *
 * @param status   {@code running}, {@code succeeded} or {@code failed}
 * @param progress human-readable progress, nullable
 * @param result   JSON text of the result when succeeded, nullable
 * @param error    why it failed, nullable
 */
public record MetaJob(
        String id,
        String kind,
        String accountId,
        String status,
        String progress,
        String result,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
