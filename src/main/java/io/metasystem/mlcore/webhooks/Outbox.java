package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.store.DeflatedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The {@code webhook_outbox} table. Event bodies are stored deflated ({@code payload_deflated}, V87,
 * {@link DeflatedText}); rows written before keep the text column {@code payload} and read back the same way
 * ({@link #payload}). A pending event is delivered by whoever holds its claim ({@code claimed_until} in
 * the future); {@link #claim} takes an expired or absent claim with one conditional UPDATE, so two replicas never
 * both deliver the same attempt.
 */
@Component
class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** A pending event whose next attempt is due. */
    record Due(String id, String payload, int attempts) {}

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            String id,
            String type,
            String payload,
            String url,
            DeliveryStatus status,
            OffsetDateTime now,
            OffsetDateTime claimedUntil) {
        jdbc.sql("""
                insert into webhook_outbox (id, event_type, payload_deflated, target_url, status, attempts,
                created_at, updated_at, next_attempt_at, claimed_until)
                values (:id, :type, :payload, :url, :status, 0, :now, :now, :next, :claimed)""")
                .param("id", id)
                .param("type", type)
                .param("payload", DeflatedText.deflate(payload))
                .param("url", url)
                .param("status", status.value())
                .param("now", now)
                .param("next", status == DeliveryStatus.PENDING ? now : null)
                .param("claimed", claimedUntil)
                .update();
    }

    /** Pending events due at {@code now} and not claimed by a live process, oldest first. */
    List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                select id, payload, payload_deflated, attempts from webhook_outbox
                where status = :pending and coalesce(next_attempt_at, updated_at) <= :now
                and (claimed_until is null or claimed_until < :now)
                order by coalesce(next_attempt_at, updated_at), id limit :limit""")
                .param("pending", DeliveryStatus.PENDING.value())
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getString("id"), payload(rs), rs.getInt("attempts")))
                .list();
    }

    /**
     * The event body of a row: {@code payload_deflated} inflated (written since V87), else the text column
     * {@code payload} (rows written before); byte for byte what was recorded.
     */
    static String payload(ResultSet rs) throws SQLException {
        return DeflatedText.of(rs.getBytes("payload_deflated"), rs.getString("payload"));
    }

    /** @return true when this caller now holds the event until {@code until} (no one else did at {@code now}) */
    boolean claim(String id, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql("""
                update webhook_outbox set claimed_until = :until
                where id = :id and status = :pending and (claimed_until is null or claimed_until < :now)""")
                        .param("pending", DeliveryStatus.PENDING.value())
                        .param("until", until)
                        .param("id", id)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Records an attempt: {@code sent}/{@code failed} end the event; {@code pending} schedules the next attempt. */
    void attempted(
            String id,
            DeliveryStatus status,
            int attempts,
            String error,
            Integer responseStatus,
            OffsetDateTime now,
            OffsetDateTime nextAttempt,
            OffsetDateTime claimedUntil) {
        jdbc.sql("""
                update webhook_outbox set status = :status, attempts = :attempts, last_error = :error,
                response_status = :code, updated_at = :now, next_attempt_at = :next, claimed_until = :claimed
                where id = :id""")
                .param("status", status.value())
                .param("attempts", attempts)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .param("code", responseStatus)
                .param("now", now)
                .param("next", nextAttempt)
                .param("claimed", claimedUntil)
                .param("id", id)
                .update();
    }

    /**
     * Records attempt number {@code attempt} by the retry policy of {@code delivery}: {@code sent}; {@code failed}
     * when the receiver refused it or it was the last attempt; else {@code pending} again after the back-off. The
     * first delivery keeps its claim through the wait ({@code keepClaim}); the re-delivery task lets it go.
     *
     * @return the wait before the next attempt, empty when the event is finished
     */
    Optional<Duration> recordAttempt(
            String id,
            int attempt,
            WebhookDelivery.Attempt result,
            WebhookDelivery delivery,
            OffsetDateTime now,
            boolean keepClaim) {
        if (result.delivered()) {
            attempted(id, DeliveryStatus.SENT, attempt, null, result.status(), now, null, null);
            log.info("Webhook {} delivered on attempt {}", id, attempt);
            return Optional.empty();
        }
        if (!result.retryable() || attempt >= delivery.maxAttempts()) {
            attempted(id, DeliveryStatus.FAILED, attempt, result.error(), result.status(), now, null, null);
            log.warn("Webhook {} failed after {} attempt(s): {}", id, attempt, result.error());
            return Optional.empty();
        }
        Duration wait = delivery.backoff(attempt);
        attempted(
                id,
                DeliveryStatus.PENDING,
                attempt,
                result.error(),
                result.status(),
                now,
                now.plus(wait),
                keepClaim ? now.plus(wait).plus(WebhookDelivery.CLAIM) : null);
        return Optional.of(wait);
    }

    /** Gives up this process's claim, so the re-delivery task takes the event over at once. */
    void release(String id, OffsetDateTime now) {
        jdbc.sql("update webhook_outbox set claimed_until = :now where id = :id and status = :pending")
                .param("pending", DeliveryStatus.PENDING.value())
                .param("now", now)
                .param("id", id)
                .update();
    }
}
