package io.metasystem.mlcore.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * n8n webhook settings ({@code WEBHOOK_SECRET}, {@code N8N_WEBHOOK_URL}).
 *
 * @param secret          HMAC-SHA256 key for inbound and outbound webhooks; blank: inbound webhooks are refused and
 *                        outbound ones unsigned (refused at start-up outside dummy mode when a URL is set)
 * @param n8nUrl          where outbound events go; blank: they are only recorded in the outbox
 * @param tolerance       largest clock difference accepted for {@code X-Timestamp} (and the replay window)
 * @param maxAttempts     delivery attempts per outbound event
 * @param initialBackoff  first wait between delivery attempts, doubled each time
 * @param redeliveryInterval how often the clustered re-delivery looks for pending events that are due (stranded by a
 *                        stopped process, or waiting for their next attempt)
 */
@Validated
@ConfigurationProperties(prefix = "mlcore.webhooks")
public record WebhookProperties(
        String secret,
        String n8nUrl,
        @NotNull Duration tolerance,
        @Min(1) @Max(20) int maxAttempts,
        @NotNull Duration initialBackoff,
        @DefaultValue("30s") Duration redeliveryInterval) {

    public WebhookProperties {
        secret = secret == null || secret.isBlank() ? null : secret;
        n8nUrl = n8nUrl == null || n8nUrl.isBlank() ? null : n8nUrl.strip();
        if (n8nUrl != null && !n8nUrl.matches("https?://\\S+")) {
            throw new InvalidConfigurationException("N8N_WEBHOOK_URL", "must be an http(s) URL");
        }
        if (redeliveryInterval == null || redeliveryInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidConfigurationException("WEBHOOK_REDELIVERY_INTERVAL", "must be a duration of at least 1s");
        }
        if (secret != null && secret.length() < 16) {
            throw new InvalidConfigurationException("WEBHOOK_SECRET", "must be at least 16 characters long");
        }
    }

    @Override
    public String toString() {
        return "WebhookProperties[secret=" + (secret == null ? "<unset>" : "<redacted>") + ", n8nUrl=" + n8nUrl + "]";
    }
}
