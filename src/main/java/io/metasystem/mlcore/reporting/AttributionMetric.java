package io.metasystem.mlcore.reporting;

import java.util.Arrays;
import java.util.Locale;

/** Which platform metric the attribution explains; each is a daily count of the joined report. */
public enum AttributionMetric {
    /** Spotify streams per day. */
    STREAMS,
    /** Spotify followers gained per day. */
    FOLLOWERS,
    /** YouTube views per day. */
    YOUTUBE_VIEWS,
    /** YouTube subscribers gained per day. */
    SUBSCRIBERS;

    /** @return the wire name, e.g. {@code youtube_views} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the metric of a wire name, or null */
    public static AttributionMetric fromWire(String value) {
        return Arrays.stream(values())
                .filter(m -> m.wire().equals(value))
                .findFirst()
                .orElse(null);
    }

    Long of(ReportDay day) {
        return switch (this) {
            case STREAMS -> day.streams();
            case FOLLOWERS -> day.followersGained();
            case YOUTUBE_VIEWS -> day.youtubeViews();
            case SUBSCRIBERS -> day.subscribersGained();
        };
    }
}
