package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.config.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the vision package ({@code mlcore.vision.*}; README's configuration table).
 *
 * @param maxPixels       largest image (width x height) detection accepts; larger images get 413
 *                        ({@code VISION_MAX_PIXELS})
 * @param maxConcurrency  inferences running at once across the replica ({@code VISION_MAX_CONCURRENCY})
 * @param acquireTimeoutSeconds how long a request waits for an inference slot before a 503
 *                        ({@code VISION_QUEUE_TIMEOUT_SECONDS})
 */
@ConfigurationProperties(prefix = "mlcore.vision")
public record VisionProperties(
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("2") int maxConcurrency,
        @DefaultValue("30") int acquireTimeoutSeconds) {
    public VisionProperties {
        if (maxPixels < 1) {
            throw new InvalidConfigurationException("VISION_MAX_PIXELS", "must be at least 1, was " + maxPixels);
        }
        if (maxConcurrency < 1 || maxConcurrency > 64) {
            throw new InvalidConfigurationException(
                    "VISION_MAX_CONCURRENCY", "must be between 1 and 64, was " + maxConcurrency);
        }
        if (acquireTimeoutSeconds < 0) {
            throw new InvalidConfigurationException(
                    "VISION_QUEUE_TIMEOUT_SECONDS", "must not be negative, was " + acquireTimeoutSeconds);
        }
    }
}
