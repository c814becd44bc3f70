package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.reporting.PlatformCsv.Field;
import io.metasystem.mlcore.reporting.PlatformCsv.Format;
import io.metasystem.mlcore.reporting.PlatformCsv.Kind;

import java.util.List;

/** The accepted columns of each platform export (docs/reporting.md lists them). */
final class PlatformFormats {
    /** Spotify for Artists audience timeline: {@code date, listeners, streams, followers} (followers cumulative). */
    static final Format SPOTIFY_TIMELINE = new Format(
            List.of(
                    Field.of("date", Kind.DATE, "date", "day"),
                    Field.of("listeners", Kind.WHOLE, "listeners"),
                    Field.of("streams", Kind.WHOLE, "streams"),
                    Field.of("followers", Kind.WHOLE, "followers")),
            List.of("date", "streams"),
            null);

    /** Spotify for Artists per-song table: {@code song, listeners, streams, saves, release_date}. */
    static final Format SPOTIFY_SONGS = new Format(
            List.of(
                    Field.of("song", Kind.TEXT, "song", "title", "track"),
                    Field.of("listeners", Kind.WHOLE, "listeners"),
                    Field.of("streams", Kind.WHOLE, "streams"),
                    Field.of("saves", Kind.WHOLE, "saves"),
                    Field.of("release_date", Kind.DATE, "release_date", "release date", "released")),
            List.of("song", "streams"),
            null);

    /**
     * YouTube Studio's daily table export ("Table data.csv" of Analytics → Advanced mode, by Date), and the Analytics
     * API's column names. Its first row, {@code Total}, is skipped. {@code Subscribers} is the net change.
     */
    static final Format YOUTUBE_DAILY = new Format(
            List.of(
                    Field.of("date", Kind.DATE, "Date", "Day"),
                    Field.of("views", Kind.WHOLE, "Views"),
                    Field.of("watch_time_hours", Kind.DECIMAL, "Watch time (hours)", "Watch time hours"),
                    Field.of("watch_minutes", Kind.DECIMAL, "estimatedMinutesWatched", "Watch time (minutes)"),
                    Field.of("subscribers", Kind.SIGNED_WHOLE, "Subscribers", "Subscribers (net)"),
                    Field.of("subscribers_gained", Kind.WHOLE, "Subscribers gained", "subscribersGained"),
                    Field.of("subscribers_lost", Kind.WHOLE, "Subscribers lost", "subscribersLost"),
                    Field.of("impressions", Kind.WHOLE, "Impressions"),
                    Field.of(
                            "impressions_ctr",
                            Kind.DECIMAL,
                            "Impressions click-through rate (%)",
                            "Impressions click-through rate"),
                    Field.of("likes", Kind.WHOLE, "Likes"),
                    Field.of("shares", Kind.WHOLE, "Shares")),
            List.of("date", "views"),
            "date");

    private PlatformFormats() {}
}
