package io.metasystem.mlcore.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-key rate limit of {@code /api/**} ({@code API_RATE_LIMIT_PER_MINUTE}; docs/reliability.md).
 *
 * @param perMinute requests per minute for each API key (full or read-only), refilled continuously; {@code 0}
 *     switches the limit off
 * @throws InvalidConfigurationException naming {@code API_RATE_LIMIT_PER_MINUTE} when negative
 */
@ConfigurationProperties(prefix = "mlcore.rate-limit")
public record RateLimitProperties(@DefaultValue("600") int perMinute) {
    public RateLimitProperties {
        if (perMinute < 0) {
            throw new InvalidConfigurationException(
                    "API_RATE_LIMIT_PER_MINUTE", "must be 0 (off) or a positive number of requests per minute");
        }
    }

    /** True when requests are limited. */
    public boolean enabled() {
        return perMinute > 0;
    }
}
