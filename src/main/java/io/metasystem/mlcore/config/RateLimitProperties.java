package io.metasystem.mlcore.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-key rate limit of {@code /api/**} ({@code API_RATE_LIMIT_PER_MINUTE}) and the throttle of wrong keys per client
 * address ({@code API_AUTH_FAILURES_PER_MINUTE}); docs/reliability.md.
 *
 * @param perMinute             requests per minute for each API key (full or read-only), refilled continuously;
 *                              {@code 0} switches the limit off
 * @param authFailuresPerMinute wrong or missing keys per minute from one client address before every {@code /api/**}
 *                              request from it answers 429 until a token is back; {@code 0} switches it off
 * @throws InvalidConfigurationException naming the variable when a value is negative
 */
@ConfigurationProperties(prefix = "mlcore.rate-limit")
public record RateLimitProperties(
        @DefaultValue("600") int perMinute,
        @DefaultValue("30") int authFailuresPerMinute) {
    public RateLimitProperties {
        if (perMinute < 0) {
            throw new InvalidConfigurationException(
                    "API_RATE_LIMIT_PER_MINUTE", "must be 0 (off) or a positive number of requests per minute");
        }
        if (authFailuresPerMinute < 0) {
            throw new InvalidConfigurationException(
                    "API_AUTH_FAILURES_PER_MINUTE",
                    "must be 0 (off) or a positive number of failed authentications per minute");
        }
    }

    /** True when wrong keys are throttled per client address. */
    public boolean throttlesFailures() {
        return authFailuresPerMinute > 0;
    }

    /** True when requests are limited. */
    public boolean enabled() {
        return perMinute > 0;
    }
}
