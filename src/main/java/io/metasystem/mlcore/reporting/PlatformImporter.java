package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.reporting.PlatformCsv.Row;
import io.metasystem.mlcore.store.ImportProblem;
import io.metasystem.mlcore.store.ImportRejectedException;
import io.metasystem.mlcore.store.PlatformDataChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports Spotify for Artists and YouTube Studio exports with the insight import's guarantees: one transaction per
 * file, a bad cell refuses the whole file ({@link ImportRejectedException}, 400 naming line and column), and an
 * idempotent merge keyed by (artist, day) (per-song rows by (artist, song)): importing the same file twice changes
 * nothing, an overlapping newer export replaces the days it covers. Imports of one artist are serialised by a row
 * lock on the artist.
 */
@Service
public class PlatformImporter {
    private static final Logger log = LoggerFactory.getLogger(PlatformImporter.class);

    private final JdbcClient jdbc;
    private final ArtistStore artists;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public PlatformImporter(JdbcClient jdbc, ArtistStore artists, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.artists = artists;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Publishes {@link PlatformDataChanged} when the import inserted or updated something (listeners that retrain
     * run after the transaction commits).
     */
    private PlatformImportReport published(PlatformImportReport report, String source) {
        long changed = report.inserted() + report.updated();
        if (changed > 0) {
            events.publishEvent(new PlatformDataChanged(report.artistId(), report.kind(), source, changed));
        }
        return report;
    }

    /**
     * Spotify for Artists audience timeline ({@code date, listeners, streams, followers}); {@code followers} is
     * cumulative and {@code followers_gained} is derived from the previous stored day.
     *
     * @throws io.metasystem.mlcore.errors.NotFoundException when the artist is unknown
     * @throws ImportRejectedException when any row is invalid (nothing is written)
     */
    @Transactional
    public PlatformImportReport spotifyTimeline(String artistId, InputStream in) {
        OffsetDateTime now = lock(artistId);
        List<Row> rows = PlatformCsv.parse(in, PlatformFormats.SPOTIFY_TIMELINE);
        rejectDuplicateDays(rows);
        Counter c = new Counter();
        for (Row row : rows) {
            LocalDate day = row.date("date");
            Optional<Long[]> stored = jdbc.sql("select listeners, streams, followers from artist_spotify_day "
                            + "where artist_id = :a and metric_date = :d")
                    .param("a", artistId)
                    .param("d", day)
                    .query((rs, n) -> new Long[] {
                        (Long) rs.getObject(1, Long.class),
                        (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class)
                    })
                    .optional();
            Long[] next = {row.whole("listeners"), row.whole("streams"), row.whole("followers")};
            if (stored.isEmpty()) {
                jdbc.sql("insert into artist_spotify_day (artist_id, metric_date, listeners, streams, followers, "
                                + "imported_at) values (:a, :d, :l, :s, :f, :now)")
                        .param("a", artistId)
                        .param("d", day)
                        .param("l", next[0])
                        .param("s", next[1])
                        .param("f", next[2])
                        .param("now", now)
                        .update();
                c.inserted++;
            } else {
                Long[] old = stored.get();
                Long[] merged = {coalesce(next[0], old[0]), coalesce(next[1], old[1]), coalesce(next[2], old[2])};
                if (Arrays.equals(merged, old)) {
                    c.unchanged++;
                } else {
                    jdbc.sql("update artist_spotify_day set listeners = :l, streams = :s, followers = :f, "
                                    + "imported_at = :now where artist_id = :a and metric_date = :d")
                            .param("l", merged[0])
                            .param("s", merged[1])
                            .param("f", merged[2])
                            .param("now", now)
                            .param("a", artistId)
                            .param("d", day)
                            .update();
                    c.updated++;
                }
            }
            c.day(day);
        }
        deriveFollowersGained(artistId);
        return published(c.report(artistId, "spotify_timeline", rows.size()), "csv");
    }

    /**
     * Spotify for Artists per-song table ({@code song, listeners, streams, saves, release_date}), a snapshot keyed by
     * (artist, song).
     *
     * @throws io.metasystem.mlcore.errors.NotFoundException when the artist is unknown
     * @throws ImportRejectedException when any row is invalid (nothing is written)
     */
    @Transactional
    public PlatformImportReport spotifySongs(String artistId, InputStream in) {
        OffsetDateTime now = lock(artistId);
        List<Row> rows = PlatformCsv.parse(in, PlatformFormats.SPOTIFY_SONGS);
        Map<String, Long> seen = new HashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Row row : rows) {
            Long first = seen.putIfAbsent(row.text("song"), row.line());
            if (first != null) {
                problems.add(new ImportProblem(row.line(), "song", "duplicate song, also on line " + first));
            } else if (row.text("song").length() > 255) {
                problems.add(new ImportProblem(row.line(), "song", "longer than 255 characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems, problems.size());
        }
        Counter c = new Counter();
        for (Row row : rows) {
            String song = row.text("song");
            Optional<List<Object>> stored = jdbc.sql("select listeners, streams, saves, release_date from "
                            + "artist_song where artist_id = :a and song = :s")
                    .param("a", artistId)
                    .param("s", song)
                    .query((rs, n) -> Arrays.<Object>asList(
                            rs.getObject(1, Long.class),
                            rs.getObject(2, Long.class),
                            rs.getObject(3, Long.class),
                            rs.getObject(4, LocalDate.class)))
                    .optional();
            List<Object> next = Arrays.asList(
                    row.whole("listeners"), row.whole("streams"), row.whole("saves"), row.date("release_date"));
            if (stored.isPresent() && stored.get().equals(next)) {
                c.unchanged++;
                continue;
            }
            if (stored.isPresent()) {
                jdbc.sql("update artist_song set listeners = :l, streams = :st, saves = :sv, release_date = :r, "
                                + "imported_at = :now where artist_id = :a and song = :s")
                        .param("l", next.get(0))
                        .param("st", next.get(1))
                        .param("sv", next.get(2))
                        .param("r", next.get(3))
                        .param("now", now)
                        .param("a", artistId)
                        .param("s", song)
                        .update();
                c.updated++;
            } else {
                jdbc.sql("insert into artist_song (artist_id, song, listeners, streams, saves, release_date, "
                                + "imported_at) values (:a, :s, :l, :st, :sv, :r, :now)")
                        .param("a", artistId)
                        .param("s", song)
                        .param("l", next.get(0))
                        .param("st", next.get(1))
                        .param("sv", next.get(2))
                        .param("r", next.get(3))
                        .param("now", now)
                        .update();
                c.inserted++;
            }
        }
        return published(c.report(artistId, "spotify_songs", rows.size()), "csv");
    }

    /**
     * YouTube Studio daily export (Date, Views, Watch time (hours), Subscribers, Impressions, Impressions
     * click-through rate (%), …), merged by (artist, day).
     *
     * @throws io.metasystem.mlcore.errors.NotFoundException when the artist is unknown
     * @throws ImportRejectedException when any row is invalid (nothing is written)
     */
    @Transactional
    public PlatformImportReport youtubeDaily(String artistId, InputStream in) {
        OffsetDateTime now = lock(artistId);
        List<Row> rows = PlatformCsv.parse(in, PlatformFormats.YOUTUBE_DAILY);
        rejectDuplicateDays(rows);
        List<YoutubeDay> days = new ArrayList<>();
        for (Row row : rows) {
            BigDecimal hours = row.decimal("watch_time_hours");
            if (hours == null && row.decimal("watch_minutes") != null) {
                hours = row.decimal("watch_minutes").divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
            }
            Long gained = row.whole("subscribers_gained");
            if (gained == null) {
                gained = row.whole("subscribers"); // the Studio export's net change
            }
            days.add(new YoutubeDay(
                    row.date("date"),
                    row.whole("views"),
                    hours,
                    gained,
                    row.whole("subscribers_lost"),
                    row.whole("impressions"),
                    row.decimal("impressions_ctr"),
                    row.whole("likes"),
                    row.whole("shares")));
        }
        PlatformImportReport report = published(mergeYoutube(artistId, days, "csv", now), "csv");
        return new PlatformImportReport(
                artistId,
                report.kind(),
                rows.size(),
                report.inserted(),
                report.updated(),
                report.unchanged(),
                report.firstDay(),
                report.lastDay());
    }

    /**
     * Merges YouTube days (from the CSV or the Analytics API) by (artist, day); one transaction.
     *
     * @param source {@code csv} or {@code api}
     */
    @Transactional
    public PlatformImportReport youtubeDays(String artistId, List<YoutubeDay> days, String source) {
        return published(mergeYoutube(artistId, days, source, lock(artistId)), source);
    }

    private PlatformImportReport mergeYoutube(
            String artistId, List<YoutubeDay> days, String source, OffsetDateTime now) {
        Counter c = new Counter();
        for (YoutubeDay day : days) {
            Optional<YoutubeDay> stored = jdbc.sql("select metric_date, views, watch_time_hours, subscribers_gained, "
                            + "subscribers_lost, impressions, impressions_ctr, likes, shares from artist_youtube_day "
                            + "where artist_id = :a and metric_date = :d")
                    .param("a", artistId)
                    .param("d", day.date())
                    .query((rs, n) -> new YoutubeDay(
                            rs.getObject(1, LocalDate.class),
                            rs.getObject(2, Long.class),
                            rs.getBigDecimal(3),
                            rs.getObject(4, Long.class),
                            rs.getObject(5, Long.class),
                            rs.getObject(6, Long.class),
                            rs.getBigDecimal(7),
                            rs.getObject(8, Long.class),
                            rs.getObject(9, Long.class)))
                    .optional();
            YoutubeDay merged = stored.map(day::over).orElse(day);
            if (stored.isPresent() && merged.sameAs(stored.get())) {
                c.unchanged++;
            } else {
                if (stored.isPresent()) {
                    jdbc.sql("delete from artist_youtube_day where artist_id = :a and metric_date = :d")
                            .param("a", artistId)
                            .param("d", day.date())
                            .update();
                    c.updated++;
                } else {
                    c.inserted++;
                }
                jdbc.sql("insert into artist_youtube_day (artist_id, metric_date, views, watch_time_hours, "
                                + "subscribers_gained, subscribers_lost, impressions, impressions_ctr, likes, shares, "
                                + "source, imported_at) values (:a, :d, :v, :w, :sg, :sl, :i, :ctr, :l, :sh, :src, "
                                + ":now)")
                        .param("a", artistId)
                        .param("d", merged.date())
                        .param("v", merged.views())
                        .param("w", merged.watchTimeHours())
                        .param("sg", merged.subscribersGained())
                        .param("sl", merged.subscribersLost())
                        .param("i", merged.impressions())
                        .param("ctr", merged.impressionsCtr())
                        .param("l", merged.likes())
                        .param("sh", merged.shares())
                        .param("src", source)
                        .param("now", now)
                        .update();
            }
            c.day(day.date());
        }
        log.info(
                "Imported YouTube days ({}) for artist {}: {} inserted, {} updated, {} unchanged",
                source,
                artistId,
                c.inserted,
                c.updated,
                c.unchanged);
        return c.report(artistId, "youtube_daily", days.size());
    }

    private OffsetDateTime lock(String artistId) {
        artists.require(artistId);
        jdbc.sql("select id from artist where id = :id for update")
                .param("id", artistId)
                .query(String.class)
                .single();
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static void rejectDuplicateDays(List<Row> rows) {
        Map<LocalDate, Long> seen = new HashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Row row : rows) {
            Long first = seen.putIfAbsent(row.date("date"), row.line());
            if (first != null) {
                problems.add(new ImportProblem(
                        row.line(), "date", "duplicate day " + row.date("date") + ", also on line " + first));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems, problems.size());
        }
    }

    /** followers_gained(d) = followers(d) − followers(d − 1) when both are stored, else null. */
    private void deriveFollowersGained(String artistId) {
        List<Object[]> days = jdbc.sql("select metric_date, followers, followers_gained from artist_spotify_day "
                        + "where artist_id = :a order by metric_date")
                .param("a", artistId)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, LocalDate.class), rs.getObject(2, Long.class), rs.getObject(3, Long.class)
                })
                .list();
        LocalDate previousDay = null;
        Long previous = null;
        for (Object[] d : days) {
            LocalDate day = (LocalDate) d[0];
            Long followers = (Long) d[1];
            Long gained =
                    previous != null && followers != null && day.minusDays(1).equals(previousDay)
                            ? followers - previous
                            : null;
            if (!Objects.equals(gained, d[2])) {
                jdbc.sql("update artist_spotify_day set followers_gained = :g where artist_id = :a and "
                                + "metric_date = :d")
                        .param("g", gained)
                        .param("a", artistId)
                        .param("d", day)
                        .update();
            }
            previousDay = day;
            previous = followers;
        }
    }

    private static Long coalesce(Long a, Long b) {
        return a != null ? a : b;
    }

    private static final class Counter {
        long inserted;
        long updated;
        long unchanged;
        LocalDate first;
        LocalDate last;

        void day(LocalDate day) {
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }

        PlatformImportReport report(String artistId, String kind, long read) {
            return new PlatformImportReport(artistId, kind, read, inserted, updated, unchanged, first, last);
        }
    }
}
