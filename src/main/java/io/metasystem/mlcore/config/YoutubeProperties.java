package io.metasystem.mlcore.config;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The YouTube Analytics API connection and its scheduled sync ({@code YOUTUBE_*}; docs/reporting.md). Invalid values
 * stop start-up naming the variable; the token never appears in {@link #toString()}.
 *
 * @param accessToken OAuth access token ({@code YOUTUBE_ACCESS_TOKEN}); blank: not configured
 * @param apiBase     API base ({@code YOUTUBE_API_BASE}), for tests a local fake
 * @param syncCron    six-field cron of the scheduled sync ({@code YOUTUBE_SYNC_CRON}); {@code -}: off
 * @param syncDays    the scheduled sync reads the last this many days ending yesterday, UTC ({@code YOUTUBE_SYNC_DAYS})
 * @param initialBackoff first wait before retrying a 429/5xx answer or an I/O failure, doubled after each attempt
 *                    ({@code YOUTUBE_INITIAL_BACKOFF}, default 1s, at most 1 min)
 */
@ConfigurationProperties(prefix = "mlcore.youtube")
public record YoutubeProperties(
        @DefaultValue("") String accessToken,

        @DefaultValue("https://youtubeanalytics.googleapis.com")
        String apiBase,

        @DefaultValue("-") String syncCron,
        @DefaultValue("3") int syncDays,
        @DefaultValue("1s") Duration initialBackoff) {
    @ConstructorBinding
    public YoutubeProperties {
        accessToken = accessToken == null ? "" : accessToken.strip();
        syncCron = syncCron == null || syncCron.isBlank() ? "-" : syncCron.strip();
        if (apiBase == null || !apiBase.strip().matches("https?://\\S+")) {
            throw new InvalidConfigurationException("YOUTUBE_API_BASE", "must be an http(s) URL");
        }
        apiBase = apiBase.strip();
        if (!syncCron.equals("-")) {
            try {
                Schedules.cron(syncCron);
            } catch (RuntimeException e) {
                throw new InvalidConfigurationException(
                        "YOUTUBE_SYNC_CRON", "is not a six-field cron expression (or '-'): '" + syncCron + "'");
            }
            if (accessToken.isEmpty()) {
                throw new InvalidConfigurationException(
                        "YOUTUBE_ACCESS_TOKEN", "is required when YOUTUBE_SYNC_CRON is set");
            }
        }
        if (syncDays < 1 || syncDays > 365) {
            throw new InvalidConfigurationException(
                    "YOUTUBE_SYNC_DAYS", "must be a whole number of days in [1, 365], was " + syncDays);
        }
        if (initialBackoff == null) {
            initialBackoff = Duration.ofSeconds(1);
        }
        if (initialBackoff.isNegative() || initialBackoff.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new InvalidConfigurationException(
                    "YOUTUBE_INITIAL_BACKOFF", "must be between 0s and 1m, was " + initialBackoff);
        }
    }

    /** The defaults' back-off (1 s). */
    public YoutubeProperties(String accessToken, String apiBase, String syncCron, int syncDays) {
        this(accessToken, apiBase, syncCron, syncDays, Duration.ofSeconds(1));
    }

    /** @return whether {@code YOUTUBE_ACCESS_TOKEN} is set */
    public boolean configured() {
        return !accessToken.isEmpty();
    }

    /** @return whether a sync cron is set */
    public boolean scheduled() {
        return !syncCron.equals("-");
    }

    @Override
    public String toString() {
        return "YoutubeProperties[accessToken=" + (accessToken.isEmpty() ? "unset" : "***") + ", apiBase=" + apiBase
                + ", syncCron=" + syncCron + ", syncDays=" + syncDays + ", initialBackoff=" + initialBackoff + "]";
    }
}
