package io.metasystem.mlcore.webhooks;

import java.time.OffsetDateTime;

/**
 * One outbound event as recorded.
 *
 * @param status {@code pending}, {@code sent}, {@code failed} (after every attempt), {@code dry_run}
 *               (DUMMY_MODE=true: recorded, never sent) or {@code not_configured} (no N8N_WEBHOOK_URL)
 * @param responseStatus HTTP status of the last attempt, nullable
 */
public record OutboxEntry(
        String id,
        String eventType,
        String payload,
        String targetUrl,
        DeliveryStatus status,
        int attempts,
        String lastError,
        Integer responseStatus,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
