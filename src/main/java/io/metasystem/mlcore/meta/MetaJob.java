package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.scheduling.JobStatus;

import java.time.OffsetDateTime;

/**
 * A long-running connector task (sync) as reported to callers.
 *
 * @param status   running, succeeded or failed (answered lower-case)
 * @param progress human-readable progress, nullable
 * @param result   JSON text of the result when succeeded, nullable
 * @param error    why it failed, nullable
 */
public record MetaJob(
        String id,
        String kind,
        String accountId,
        JobStatus status,
        String progress,
        String result,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
