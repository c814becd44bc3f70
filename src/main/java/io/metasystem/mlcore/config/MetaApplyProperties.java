package io.metasystem.mlcore.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How apply treats an ad set whose change was claimed by an apply that never finished ({@code APPLY_*}); see
 * docs/meta.md. Invalid values stop start-up naming the variable.
 *
 * @param claimTimeout {@code APPLY_CLAIM_TIMEOUT}: an {@code in_progress} claim older than this is taken to belong to
 *                     an apply that crashed (kill -9, a lost replica) and may be taken over by the next apply, which
 *                     reads the ad set from Meta first; positive, at least one second
 */
@ConfigurationProperties(prefix = "mlcore.meta.apply")
public record MetaApplyProperties(@DefaultValue("15m") Duration claimTimeout) {
    public MetaApplyProperties {
        if (claimTimeout == null || claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidConfigurationException(
                    "APPLY_CLAIM_TIMEOUT", "must be a duration of at least 1s such as 15m, was " + claimTimeout);
        }
    }
}
