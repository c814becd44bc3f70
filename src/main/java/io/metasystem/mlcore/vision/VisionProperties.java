package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.config.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the vision package ({@code mlcore.vision.*}; README's configuration table).
 *
 * @param maxPixels       largest image (width x height) detection accepts; larger images get 413
 *                        ({@code VISION_MAX_PIXELS})
 * @param maxConcurrency  inferences running at once across the replica ({@code VISION_MAX_CONCURRENCY})
 * @param acquireTimeoutSeconds how long a request waits for an inference slot before a 503
 *                        ({@code VISION_QUEUE_TIMEOUT_SECONDS})
 * @param zipMaxEntries   most entries an evaluation zip may hold; more is a 413 ({@code VISION_ZIP_MAX_ENTRIES})
 * @param zipMaxSize      most bytes an evaluation zip may expand to; more is a 413 ({@code VISION_ZIP_MAX_SIZE})
 * @param zipMaxRatio     largest expansion ratio (uncompressed / compressed) of an entry over 1 MB; more is a 413
 *                        (a zip bomb; {@code VISION_ZIP_MAX_RATIO})
 * @param ffmpegPath      the ffmpeg binary that samples video frames ({@code FFMPEG_PATH})
 * @param videoMaxFrames  most frames sampled from one video (at one per second) ({@code VISION_VIDEO_MAX_FRAMES})
 * @param videoTimeoutSeconds how long ffmpeg may run on one video ({@code VISION_VIDEO_TIMEOUT_SECONDS})
 */
@ConfigurationProperties(prefix = "mlcore.vision")
public record VisionProperties(
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("2") int maxConcurrency,
        @DefaultValue("30") int acquireTimeoutSeconds,
        @DefaultValue("10000") int zipMaxEntries,
        @DefaultValue("256MB") DataSize zipMaxSize,
        @DefaultValue("100") int zipMaxRatio,
        @DefaultValue("/usr/bin/ffmpeg") String ffmpegPath,
        @DefaultValue("60") int videoMaxFrames,
        @DefaultValue("60") int videoTimeoutSeconds) {
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
        if (zipMaxEntries < 1) {
            throw new InvalidConfigurationException(
                    "VISION_ZIP_MAX_ENTRIES", "must be at least 1, was " + zipMaxEntries);
        }
        if (zipMaxSize == null || zipMaxSize.toBytes() < 1) {
            throw new InvalidConfigurationException("VISION_ZIP_MAX_SIZE", "must be at least 1B, was " + zipMaxSize);
        }
        if (zipMaxRatio < 1) {
            throw new InvalidConfigurationException("VISION_ZIP_MAX_RATIO", "must be at least 1, was " + zipMaxRatio);
        }
        if (ffmpegPath == null || ffmpegPath.isBlank()) {
            throw new InvalidConfigurationException("FFMPEG_PATH", "must name the ffmpeg binary");
        }
        if (videoMaxFrames < 1 || videoMaxFrames > 3600) {
            throw new InvalidConfigurationException(
                    "VISION_VIDEO_MAX_FRAMES", "must be between 1 and 3600, was " + videoMaxFrames);
        }
        if (videoTimeoutSeconds < 1) {
            throw new InvalidConfigurationException(
                    "VISION_VIDEO_TIMEOUT_SECONDS", "must be at least 1, was " + videoTimeoutSeconds);
        }
    }
}
