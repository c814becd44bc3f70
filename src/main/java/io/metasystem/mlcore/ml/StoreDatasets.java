package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.AdSet;
import io.metasystem.mlcore.store.AdSetDay;
import io.metasystem.mlcore.store.AdSetPlatformDays;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.DayRange;
import io.metasystem.mlcore.store.InsightStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Training data from the store: one row per stored ad-set day with spend &gt; 0, {@code daily_insight} joined with
 * the ad set's campaign and {@code attributes}.
 *
 * <p>Features, in this order (the categorical order is also the hierarchy of the empirical-Bayes baseline):
 * {@code campaign} (campaign id), then the attribute keys present in the window: {@value #HIERARCHY_DOC} first, then
 * the other keys alphabetically (a missing value is {@code unknown}; an attribute named {@code campaign} or like a
 * numeric feature is ignored); numeric {@code day_of_week} (1 = Monday), {@code days_since_start} (days since the ad
 * set's first stored insight day), {@code recent_spend_lag7} (its spend over days d−13..d−7, known at every origin of
 * a 7-day forecast, read from before the window when needed) and {@code log_spend}; when some ad set of the window
 * promotes an artist with imported Spotify days ({@link AdSetPlatformDays}, package {@code reporting}), also
 * {@value #SPOTIFY_DOC}: the artist's mean daily streams and followers gained over days d−13..d−7 (the same lag, so
 * known at every origin and not caused by the day's own ads), {@code NaN} (missing) without an imported day there;
 * likewise, when some ad set's artist has imported YouTube days, {@value #YOUTUBE_DOC} (mean daily YouTube views and
 * subscribers gained over the same days). Each platform's pair is present independently of the other.
 * Target conversions, exposure spend (and clicks for the per-click model). The group (cold-start unit) is the ad set.
 */
@Component
public class StoreDatasets {
    /** Attribute keys that come first, coarse to fine. */
    public static final List<String> HIERARCHY = List.of("objective", "audience_type", "age", "gender", "placement");

    static final String HIERARCHY_DOC = "objective → audience_type → age → gender → placement";
    public static final List<String> NUMERIC =
            List.of("day_of_week", "days_since_start", "recent_spend_lag7", "log_spend");
    /** The artist's Spotify features, present only in a window with an artist's imported Spotify days. */
    public static final List<String> SPOTIFY = List.of("artist_streams_lag7", "artist_followers_gained_lag7");
    /** The artist's YouTube features, present only in a window with an artist's imported YouTube days. */
    public static final List<String> YOUTUBE = List.of("artist_youtube_views_lag7", "artist_subscribers_gained_lag7");
    /**
     * Every platform feature, in the order of {@link #platformFeatures}: {@link #SPOTIFY} then {@link #YOUTUBE}.
     */
    public static final List<String> PLATFORM = List.of(
            "artist_streams_lag7",
            "artist_followers_gained_lag7",
            "artist_youtube_views_lag7",
            "artist_subscribers_gained_lag7");

    static final String SPOTIFY_DOC = "artist_streams_lag7, artist_followers_gained_lag7";
    static final String YOUTUBE_DOC = "artist_youtube_views_lag7, artist_subscribers_gained_lag7";
    /**
     * Minimum span of days with spend in the window: two rolling origins of 7 days after at least 7 training days
     * (with fewer, the held-out score rests on one week or on a model trained on less than a week).
     */
    public static final int MIN_DAYS = 21;
    /** Length of a training window when the caller names no start: the last 90 days. */
    public static final int DEFAULT_DAYS = 90;

    static final String UNKNOWN = "unknown";

    private final InsightStore store;
    private final Clock clock;
    private final ObjectProvider<AdSetPlatformDays> platform;

    /** @param clock gives "today" (in UTC) when no insight is stored */
    public StoreDatasets(InsightStore store, Clock clock) {
        this(store, clock, null);
    }

    /**
     * @param clock    gives "today" (in UTC) when no insight is stored
     * @param platform the artists' platform days ({@code reporting}); nullable or empty: no platform features
     */
    @Autowired
    public StoreDatasets(InsightStore store, Clock clock, ObjectProvider<AdSetPlatformDays> platform) {
        this.store = store;
        this.clock = clock;
        this.platform = platform;
    }

    /**
     * A training window.
     *
     * @param accountId nullable: every account
     * @param from      first day, inclusive
     * @param to        last day, inclusive
     */
    public record Window(String accountId, LocalDate from, LocalDate to) {
        public Window {
            accountId = AccountIds.canonical(accountId);
            if (from == null || to == null) {
                throw new InvalidInputException(from == null ? "from" : "to", "is required");
            }
            if (from.isAfter(to)) {
                throw new InvalidInputException("from", "must not be after to (" + from + " > " + to + ")");
            }
        }

        String dataset() {
            return accountId == null ? "store" : "store_" + accountId;
        }
    }

    /**
     * A window with defaults: {@code to} = the latest stored insight day of the account (of all accounts when it is
     * null; today when there is none), {@code from} = {@value #DEFAULT_DAYS} days ending on {@code to}.
     *
     * @throws InvalidInputException naming {@code from} when it is after {@code to}
     */
    public Window window(String accountId, LocalDate from, LocalDate to) {
        LocalDate end = to;
        if (end == null) {
            LocalDate last = store.lastDateOrNull(accountId);
            end = last == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : last;
        }
        return new Window(accountId, from != null ? from : end.minusDays(DEFAULT_DAYS - 1L), end);
    }

    /**
     * Checks that the window has enough data, without loading it.
     *
     * @throws InsufficientDataException naming {@code from} when the days with spend span fewer than {@link #MIN_DAYS},
     *                                   or there are no conversions
     * @throws io.metasystem.mlcore.errors.NotFoundException for an unknown account
     */
    public void check(Window w) {
        if (w.accountId() != null) {
            store.requireAccount(w.accountId());
        }
        DayRange range = store.dayRange(w.accountId(), w.from(), w.to());
        if (range.span() < MIN_DAYS) {
            throw new InsufficientDataException(
                    "from",
                    "the window " + w.from() + " .. " + w.to() + " has "
                            + (range.first() == null
                                    ? "no days with spend"
                                    : range.span() + " days with spend (" + range.first() + " .. " + range.last() + ")")
                            + "; training from the store needs at least " + MIN_DAYS
                            + " (rolling-origin validation: two 7-day origins after 7 training days)");
        }
        if (range.conversions() <= 0) {
            throw new InsufficientDataException(
                    "from", "the window " + w.from() + " .. " + w.to() + " has no conversions to learn a rate from");
        }
    }

    /** Loads the window (call {@link #check} first for a clear error). */
    public FeatureTable load(Window w) {
        LocalDate historyFrom = w.from().minusDays(Datasets.RECENT_LAG + Datasets.RECENT_WIDTH - 1L);
        List<AdSetDay> days = store.adSetDays(w.accountId(), historyFrom, w.to());
        return build(w, days, platformDays(w.accountId(), historyFrom, w.to()));
    }

    /**
     * The platform days of the artists the account's ad sets promote ({@link AdSetPlatformDays#byAdSet}); empty
     * without the {@code reporting} source.
     */
    public Map<String, Map<LocalDate, AdSetPlatformDays.Day>> platformDays(
            String accountId, LocalDate from, LocalDate to) {
        AdSetPlatformDays source = platform == null ? null : platform.getIfAvailable();
        return source == null ? Map.of() : source.byAdSet(AccountIds.canonical(accountId), from, to);
    }

    static FeatureTable build(Window w, List<AdSetDay> days) {
        return build(w, days, Map.of());
    }

    static FeatureTable build(
            Window w, List<AdSetDay> days, Map<String, Map<LocalDate, AdSetPlatformDays.Day>> platformDays) {
        List<String> keys = attributeKeys(days);
        Map<String, Map<LocalDate, Double>> spendByAdSet = new HashMap<>();
        for (AdSetDay d : days) {
            spendByAdSet
                    .computeIfAbsent(group(d), k -> new HashMap<>())
                    .merge(d.date(), d.spend().doubleValue(), Double::sum);
        }
        LocalDate first = days.stream()
                .filter(d -> !d.date().isBefore(w.from()) && d.spend().signum() > 0)
                .map(AdSetDay::date)
                .min(LocalDate::compareTo)
                .orElse(w.from());
        List<FeatureRow> rows = new ArrayList<>();
        int dropped = 0;
        double droppedConversions = 0;
        StringBuilder canonical = new StringBuilder(w.toString()).append('\n');
        boolean withSpotify = false;
        boolean withYoutube = false;
        for (AdSetDay d : days) {
            if (!d.date().isBefore(w.from()) && d.spend().signum() > 0) {
                double[] p = platformFeatures(platformDays.get(group(d)), d.date());
                withSpotify |= !Double.isNaN(p[0]) || !Double.isNaN(p[1]);
                withYoutube |= !Double.isNaN(p[2]) || !Double.isNaN(p[3]);
            }
        }
        for (AdSetDay d : days) {
            if (d.date().isBefore(w.from())) {
                continue; // read only for recent_spend_lag7
            }
            double spend = d.spend().doubleValue();
            double conversions = d.conversions() == null ? 0 : d.conversions().doubleValue();
            double clicks = d.clicks() == null ? 0 : d.clicks();
            canonical
                    .append(group(d))
                    .append('|')
                    .append(d.campaignId())
                    .append('|')
                    .append(d.date())
                    .append('|')
                    .append(spend)
                    .append('|')
                    .append(clicks)
                    .append('|')
                    .append(conversions)
                    .append('|')
                    .append(d.attributes().values())
                    .append('\n');
            if (spend <= 0) {
                dropped++;
                droppedConversions += conversions;
                continue;
            }
            List<String> cats = new ArrayList<>();
            cats.add(d.campaignId() == null ? UNKNOWN : d.campaignId());
            for (String key : keys) {
                cats.add(d.attributes().values().getOrDefault(key, UNKNOWN));
            }
            double[] numeric = numeric(d.date(), d.firstDate(), spendByAdSet.get(group(d)), spend);
            if (withSpotify || withYoutube) {
                double[] p = platformFeatures(platformDays.get(group(d)), d.date());
                numeric = withPlatform(numeric, p, withSpotify, withYoutube);
                if (withSpotify) {
                    canonical
                            .append("platform|")
                            .append(p[0])
                            .append('|')
                            .append(p[1])
                            .append('\n');
                }
                if (withYoutube) {
                    canonical
                            .append("youtube|")
                            .append(p[2])
                            .append('|')
                            .append(p[3])
                            .append('\n');
                }
            }
            rows.add(new FeatureRow(
                    group(d),
                    (int) (d.date().toEpochDay() - first.toEpochDay()),
                    cats,
                    numeric,
                    spend,
                    clicks,
                    conversions));
        }
        List<String> cats = new ArrayList<>();
        cats.add("campaign");
        cats.addAll(keys);
        List<String> numericNames = new ArrayList<>(NUMERIC);
        if (withSpotify) {
            numericNames.addAll(SPOTIFY);
        }
        if (withYoutube) {
            numericNames.addAll(YOUTUBE);
        }
        return new FeatureTable(
                w.dataset(),
                "conversions",
                cats,
                numericNames,
                rows,
                dropped,
                droppedConversions,
                true,
                w.from() + " .. " + w.to(),
                Datasets.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@link #NUMERIC} values followed by the platform pairs the window has, in the order of the names. */
    private static double[] withPlatform(double[] numeric, double[] p, boolean spotify, boolean youtube) {
        double[] out = new double[numeric.length + (spotify ? 2 : 0) + (youtube ? 2 : 0)];
        System.arraycopy(numeric, 0, out, 0, numeric.length);
        int i = numeric.length;
        if (spotify) {
            out[i++] = p[0];
            out[i++] = p[1];
        }
        if (youtube) {
            out[i++] = p[2];
            out[i] = p[3];
        }
        return out;
    }

    /**
     * The features a model trained on this data set sees for a stored ad set on {@code day} (serving time, the same
     * rule as the training rows of {@link #load}): its attributes, except that {@code campaign} is the campaign id
     * (absent without one) and the {@link #NUMERIC} features are computed from the loaded history, whatever
     * attributes of those names say: {@code day_of_week} of {@code day}, {@code days_since_start} from the ad set's
     * first stored day, {@code recent_spend_lag7} ({@code NaN}, i.e. missing, when the loaded history starts after
     * {@code day − 13} and the ad set is older) and {@code log_spend} of the current daily budget (without a positive
     * one it is not computed: an attribute of that name stands, else the model uses the training median).
     *
     * @param adSet the stored ad set (attributes, campaign id, first day, daily budget in account currency per day)
     * @param days its stored days inside the loaded history; spend in account currency per day
     * @param historyFrom first day of the loaded history
     * @param day the day the prediction is for, usually the day after the history
     * @return feature name to value, numeric values as decimal strings; a new mutable map
     */
    public static Map<String, String> servingFeatures(
            AdSet adSet, List<DailyInsight> days, LocalDate historyFrom, LocalDate day) {
        Map<String, String> f = new HashMap<>(adSet.attributes().values());
        f.remove("campaign");
        PLATFORM.forEach(f::remove);
        if (adSet.campaignId() != null) {
            f.put("campaign", adSet.campaignId());
        }
        Map<LocalDate, Double> spend = new HashMap<>();
        days.forEach(d -> spend.merge(d.date(), d.spend().doubleValue(), Double::sum));
        // the loaded history covers days d-13..d-7, or the ad set started inside the loaded history
        boolean lagKnown = !historyFrom.isAfter(day.minusDays(Datasets.RECENT_LAG + Datasets.RECENT_WIDTH - 1L))
                || adSet.firstDate() != null && !adSet.firstDate().isBefore(historyFrom);
        double[] numeric = numeric(
                day,
                adSet.firstDate(),
                spend,
                adSet.dailyBudget() == null ? Double.NaN : adSet.dailyBudget().doubleValue());
        f.put("day_of_week", Double.toString(numeric[0]));
        f.put("days_since_start", Double.toString(numeric[1]));
        f.put("recent_spend_lag7", lagKnown ? Double.toString(numeric[2]) : "NaN");
        if (adSet.dailyBudget() != null && adSet.dailyBudget().signum() > 0) {
            f.put("log_spend", Double.toString(numeric[3]));
        }
        return f;
    }

    /**
     * The features of {@link #servingFeatures(AdSet, List, LocalDate, LocalDate)} plus the {@link #PLATFORM} features
     * of the ad set's artist on {@code day} (absent, so the model's training median, when none is known).
     *
     * @param artistDays the ad set's artist's platform days ({@link #platformDays}), nullable
     */
    public static Map<String, String> servingFeatures(
            AdSet adSet,
            List<DailyInsight> days,
            LocalDate historyFrom,
            LocalDate day,
            Map<LocalDate, AdSetPlatformDays.Day> artistDays) {
        Map<String, String> f = servingFeatures(adSet, days, historyFrom, day);
        double[] p = platformFeatures(artistDays, day);
        for (int i = 0; i < PLATFORM.size(); i++) {
            if (Double.isNaN(p[i])) {
                f.remove(PLATFORM.get(i));
            } else {
                f.put(PLATFORM.get(i), Double.toString(p[i]));
            }
        }
        return f;
    }

    /**
     * The artist's mean daily Spotify streams, Spotify followers gained, YouTube views and YouTube subscribers gained
     * over days {@code day − 13 .. day − 7} (the lag of {@code recent_spend_lag7}), in the order of {@link #PLATFORM},
     * each {@code NaN} when no day there has a value of it (the one function of training rows and serving).
     *
     * @param artistDays the ad set's artist's days, nullable (no artist)
     */
    public static double[] platformFeatures(Map<LocalDate, AdSetPlatformDays.Day> artistDays, LocalDate day) {
        double[] sums = new double[PLATFORM.size()];
        int[] counts = new int[PLATFORM.size()];
        if (artistDays != null) {
            for (int lag = Datasets.RECENT_LAG; lag < Datasets.RECENT_LAG + Datasets.RECENT_WIDTH; lag++) {
                AdSetPlatformDays.Day d = artistDays.get(day.minusDays(lag));
                if (d != null) {
                    Long[] values = {d.streams(), d.followersGained(), d.youtubeViews(), d.subscribersGained()};
                    for (int k = 0; k < values.length; k++) {
                        if (values[k] != null) {
                            sums[k] += values[k];
                            counts[k]++;
                        }
                    }
                }
            }
        }
        double[] means = new double[PLATFORM.size()];
        for (int k = 0; k < means.length; k++) {
            means[k] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
        }
        return means;
    }

    /** Numeric features of an ad set on {@code day}, in the order of {@link #NUMERIC}. */
    public static double[] numeric(
            LocalDate day, LocalDate firstDate, Map<LocalDate, Double> spendByDay, double spend) {
        double recent = 0;
        for (int lag = Datasets.RECENT_LAG; lag < Datasets.RECENT_LAG + Datasets.RECENT_WIDTH; lag++) {
            recent += spendByDay == null ? 0 : spendByDay.getOrDefault(day.minusDays(lag), 0.0);
        }
        long sinceStart = firstDate == null ? 0 : Math.max(0, day.toEpochDay() - firstDate.toEpochDay());
        return new double[] {day.getDayOfWeek().getValue(), sinceStart, recent, Math.log(spend)};
    }

    /** Attribute keys in the documented order: the hierarchy keys present, then the others alphabetically. */
    static List<String> attributeKeys(List<AdSetDay> days) {
        Set<String> present = new TreeSet<>();
        days.forEach(d -> present.addAll(d.attributes().values().keySet()));
        present.remove("campaign");
        present.removeAll(NUMERIC);
        present.removeAll(PLATFORM);
        Set<String> ordered = new LinkedHashSet<>();
        HIERARCHY.stream().filter(present::contains).forEach(ordered::add);
        ordered.addAll(present);
        return List.copyOf(ordered);
    }

    private static String group(AdSetDay d) {
        return d.accountId() + "|" + d.adsetId();
    }
}
