package io.metasystem.mlcore.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Joins an artist's Meta spend (stored insights of its ad sets) with its Spotify and YouTube days. */
@Service
public class ReportService {
    /** What every naive ratio says about itself. */
    public static final String SONGS_NOTE = "Per-song figures are the latest Spotify for Artists per-song export: they "
            + "cover the period chosen when exporting (the file has no dates), not this report's range, and are "
            + "neither split by day nor attributed to spend (Meta spend is not per song).";

    public static final String NAIVE_NOTE = "Naive ratios divide ALL spend by ALL streams (followers, views, "
            + "subscribers) of the period, organic ones included: they are NOT the cost of an incremental stream. "
            + "See /attribution for the incremental estimate.";

    private final JdbcClient jdbc;
    private final ArtistStore artists;

    public ReportService(JdbcClient jdbc, ArtistStore artists) {
        this.jdbc = jdbc;
        this.artists = artists;
    }

    /**
     * @param from first day, inclusive
     * @param to   last day, inclusive, not before {@code from}
     * @throws io.metasystem.mlcore.errors.NotFoundException when the artist is unknown
     */
    public ArtistReport report(String artistId, LocalDate from, LocalDate to) {
        Artist artist = artists.require(artistId);
        List<String> warnings = new ArrayList<>();
        Map<LocalDate, BigDecimal[]> meta = new HashMap<>();
        Set<String> currencies = new TreeSet<>();
        for (Map.Entry<String, Set<String>> account : artists.adSetsOf(artist).entrySet()) {
            Set<String> adSets = account.getValue();
            jdbc.sql("select currency from ad_account where id = :a")
                    .param("a", account.getKey())
                    .query(String.class)
                    .optional()
                    .ifPresent(currencies::add);
            jdbc.sql("select adset_id, insight_date, spend, conversions from daily_insight where account_id = :a "
                            + "and insight_date >= :from and insight_date <= :to")
                    .param("a", account.getKey())
                    .param("from", from)
                    .param("to", to)
                    .query((rs, n) -> {
                        if (adSets.contains(rs.getString(1))) {
                            BigDecimal[] sums = meta.computeIfAbsent(rs.getObject(2, LocalDate.class), d ->
                                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                            sums[0] = sums[0].add(rs.getBigDecimal(3));
                            BigDecimal conversions = rs.getBigDecimal(4);
                            sums[1] = sums[1].add(conversions == null ? BigDecimal.ZERO : conversions);
                        }
                        return 0;
                    })
                    .list();
        }
        if (currencies.size() > 1) {
            warnings.add("the artist's ad accounts use several currencies " + currencies
                    + ": spend is summed as stored, without conversion");
        }
        Map<LocalDate, Long[]> spotify = new HashMap<>();
        jdbc.sql("select metric_date, streams, listeners, followers_gained from artist_spotify_day where artist_id = :a"
                        + " and metric_date >= :from and metric_date <= :to")
                .param("a", artistId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> spotify.put(rs.getObject(1, LocalDate.class), new Long[] {
                    rs.getObject(2, Long.class), rs.getObject(3, Long.class), rs.getObject(4, Long.class)
                }))
                .list();
        Map<LocalDate, Long[]> youtube = new HashMap<>();
        jdbc.sql("select metric_date, views, subscribers_gained from artist_youtube_day where artist_id = :a"
                        + " and metric_date >= :from and metric_date <= :to")
                .param("a", artistId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> youtube.put(
                        rs.getObject(1, LocalDate.class),
                        new Long[] {rs.getObject(2, Long.class), rs.getObject(3, Long.class)}))
                .list();
        List<ReportDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            BigDecimal[] m = meta.getOrDefault(d, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            Long[] s = spotify.getOrDefault(d, new Long[3]);
            Long[] y = youtube.getOrDefault(d, new Long[2]);
            days.add(new ReportDay(
                    d,
                    m[0].setScale(2, RoundingMode.HALF_UP),
                    m[1].stripTrailingZeros(),
                    s[0],
                    s[1],
                    s[2],
                    y[0],
                    y[1]));
        }
        long total = days.size();
        if (spotify.size() < total) {
            warnings.add("Spotify days imported: " + spotify.size() + " of " + total);
        }
        if (youtube.size() < total) {
            warnings.add("YouTube days imported: " + youtube.size() + " of " + total);
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        BigDecimal spend = days.stream().map(ReportDay::spend).reduce(BigDecimal.ZERO, BigDecimal::add);
        totals.put("spend", spend);
        totals.put(
                "meta_conversions",
                days.stream()
                        .map(ReportDay::metaConversions)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .stripTrailingZeros());
        totals.put("streams", sum(days, ReportDay::streams));
        totals.put("listeners", sum(days, ReportDay::listeners));
        totals.put("followers_gained", sum(days, ReportDay::followersGained));
        totals.put("youtube_views", sum(days, ReportDay::youtubeViews));
        totals.put("subscribers_gained", sum(days, ReportDay::subscribersGained));
        Map<String, Object> naive = new LinkedHashMap<>();
        naive.put("naive_cost_per_stream", ratio(spend, totals.get("streams")));
        naive.put("naive_cost_per_follower", ratio(spend, totals.get("followers_gained")));
        naive.put("naive_cost_per_youtube_view", ratio(spend, totals.get("youtube_views")));
        naive.put("naive_cost_per_subscriber", ratio(spend, totals.get("subscribers_gained")));
        naive.put("naive_streams_per_meta_conversion", ratio(totals.get("streams"), totals.get("meta_conversions")));
        naive.put("note", NAIVE_NOTE);
        return new ArtistReport(
                artistId,
                from,
                to,
                currencies.isEmpty() ? null : currencies.iterator().next(),
                days,
                totals,
                naive,
                warnings,
                songs(artistId, from, to),
                SONGS_NOTE);
    }

    /** The latest per-song snapshot, most streamed first, with shares of the imported songs' streams. */
    List<SongFigures> songs(String artistId, LocalDate from, LocalDate to) {
        List<Object[]> rows = jdbc.sql("select song, streams, listeners, saves, release_date, imported_at from "
                        + "artist_song where artist_id = :a")
                .param("a", artistId)
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getObject(2, Long.class),
                    rs.getObject(3, Long.class),
                    rs.getObject(4, Long.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, OffsetDateTime.class)
                })
                .list();
        long all = rows.stream().mapToLong(r -> r[1] == null ? 0 : (Long) r[1]).sum();
        List<SongFigures> songs = new ArrayList<>();
        for (Object[] r : rows) {
            Long streams = (Long) r[1];
            Long listeners = (Long) r[2];
            Long saves = (Long) r[3];
            LocalDate release = (LocalDate) r[4];
            songs.add(new SongFigures(
                    (String) r[0],
                    streams,
                    listeners,
                    saves,
                    release,
                    streams == null || all == 0
                            ? null
                            : BigDecimal.valueOf(streams).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP),
                    saves == null || listeners == null || listeners == 0
                            ? null
                            : BigDecimal.valueOf(saves).divide(BigDecimal.valueOf(listeners), 4, RoundingMode.HALF_UP),
                    release != null && !release.isBefore(from) && !release.isAfter(to),
                    (OffsetDateTime) r[5]));
        }
        songs.sort(Comparator.comparing((SongFigures s) -> s.streams() == null ? -1 : s.streams())
                .reversed()
                .thenComparing(SongFigures::song));
        return songs;
    }

    /** @return the latest imported Spotify or YouTube day of the artist, or null when none */
    public LocalDate latestDay(String artistId) {
        return jdbc.sql("select max(d) from (select max(metric_date) as d from artist_spotify_day where artist_id = :a "
                        + "union all select max(metric_date) as d from artist_youtube_day where artist_id = :a) t")
                .param("a", artistId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional()
                .orElse(null);
    }

    /** The report as CSV for spreadsheets: a header, one line per day, then a {@code total} line. */
    public static String csv(ArtistReport report) {
        StringBuilder out = new StringBuilder(
                "date,spend,meta_conversions,streams,listeners,followers_gained,youtube_views,subscribers_gained\n");
        for (ReportDay d : report.days()) {
            out.append(d.date())
                    .append(',')
                    .append(d.spend().toPlainString())
                    .append(',')
                    .append(d.metaConversions().toPlainString())
                    .append(',')
                    .append(cell(d.streams()))
                    .append(',')
                    .append(cell(d.listeners()))
                    .append(',')
                    .append(cell(d.followersGained()))
                    .append(',')
                    .append(cell(d.youtubeViews()))
                    .append(',')
                    .append(cell(d.subscribersGained()))
                    .append('\n');
        }
        Map<String, BigDecimal> t = report.totals();
        out.append("total");
        for (String key : List.of(
                "spend",
                "meta_conversions",
                "streams",
                "listeners",
                "followers_gained",
                "youtube_views",
                "subscribers_gained")) {
            out.append(',').append(t.get(key).toPlainString());
        }
        return out.append('\n').toString();
    }

    private static String cell(Long value) {
        return value == null ? "" : value.toString();
    }

    private static BigDecimal sum(List<ReportDay> days, Function<ReportDay, Long> metric) {
        long s = 0;
        for (ReportDay d : days) {
            Long v = metric.apply(d);
            s += v == null ? 0 : v;
        }
        return BigDecimal.valueOf(s);
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() <= 0) {
            return null;
        }
        return numerator.divide(denominator, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
