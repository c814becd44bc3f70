package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.config.WebhookProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Authenticates inbound webhooks: the secret must be configured, {@code X-Timestamp} (unix seconds) within the
 * tolerance of now, {@code X-Signature} the HMAC of timestamp and raw body (constant-time compare), and the
 * signature not seen before within the window (stored in {@code webhook_replay}, so every replica sees it).
 */
@Component
public class InboundWebhookVerifier {
    private final WebhookProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    public InboundWebhookVerifier(WebhookProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @throws WebhookRejectedException when the request must not be processed; the message says why
     */
    public void verify(String signature, String timestamp, byte[] body) {
        if (properties.secret() == null) {
            throw new WebhookRejectedException("$", "Inbound webhooks are disabled: WEBHOOK_SECRET is not configured.");
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw new WebhookRejectedException(
                    signature == null || signature.isBlank()
                            ? WebhookSigner.SIGNATURE_HEADER
                            : WebhookSigner.TIMESTAMP_HEADER,
                    "Send X-Signature: sha256=<hex> and X-Timestamp: <unix seconds>.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(WebhookSigner.TIMESTAMP_HEADER, "X-Timestamp must be unix seconds.");
        }
        Instant now = clock.instant();
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (skew.compareTo(properties.tolerance()) > 0) {
            throw new WebhookRejectedException(
                    WebhookSigner.TIMESTAMP_HEADER,
                    "X-Timestamp is outside the accepted window of "
                            + properties.tolerance().toSeconds() + " s.");
        }
        if (!WebhookSigner.matches(properties.secret(), timestamp.strip(), body, signature)) {
            throw new WebhookRejectedException(
                    WebhookSigner.SIGNATURE_HEADER, "X-Signature does not match the body and timestamp.");
        }
        jdbc.sql("delete from webhook_replay where seen_at < :cutoff")
                .param(
                        "cutoff",
                        now.minus(properties.tolerance().multipliedBy(2)).atOffset(ZoneOffset.UTC))
                .update();
        try {
            jdbc.sql("insert into webhook_replay (signature, seen_at) values (:signature, :seen)")
                    .param("signature", signature.strip().toLowerCase(Locale.ROOT))
                    .param("seen", now.atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new WebhookRejectedException(
                    WebhookSigner.SIGNATURE_HEADER, "Replay: this signature was already accepted.");
        }
    }
}
