package io.metasystem.mlcore.alerts.detect;

import io.metasystem.mlcore.optimizer.Distributions;
import org.hipparchus.distribution.continuous.TDistribution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds anomalous days in daily ad-set series. Pure and deterministic: the same input gives the same answer.
 *
 * <h2>Baseline</h2>
 * For day t, the baseline is the last {@value #WINDOW} usable days before t in the current regime (since the last
 * level shift), without days already reported as spikes or dips; it needs {@value #MIN_BASELINE} days
 * ({@value #MIN_AFTER_SHIFT} after a level shift), so the first {@value #MIN_BASELINE} days of a series are its
 * warm-up. Day-of-week factors are the shrunk medians, per weekday, of the log values of the last
 * {@value #SEASON_WINDOW} days centred on their regime's median (with at least {@value #MIN_SEASONAL} such days;
 * otherwise none). This is the robust, seasonal baseline of Google Analytics' anomaly detection and of Twitter's
 * S-H-ESD (Hochenbaum, Vallis &amp; Kejariwal 2017, arXiv:1704.07706), reduced to medians for 14–90 daily points.
 *
 * <h2>Day scores</h2>
 * Each day gets a signed normal score z from its predictive ({@link MetricModel}): Beta–Binomial for CTR and CVR,
 * Gamma–Poisson for conversions given spend (both count-aware, so a low-volume day has a wide interval and does
 * not fire), robust z (median/MAD on the log scale) for spend, CPM and the other metrics. The tail becomes a score
 * through a Student t whose degrees of freedom say how much of the predictive's spread was estimated
 * ({@link #studentized}): ν = {@value #DF_PER_DAY}·n for a baseline of n days, and, for CVR days below their
 * expectation (conversions falling given the day's clicks), the Welch–Satterthwaite ν of a variance whose counting
 * part is known ({@link MetricModel#satterthwaiteDf}), so a conversion collapse on a day with enough clicks is judged
 * by its count tail.
 *
 * <h2>Spikes, dips and level shifts</h2>
 * A day with |z| &ge; {@link Sensitivity#single()} is a spike or dip. A run of {@value #RUN_DAYS} consecutive
 * usable days starting at s (the start day and the two after it) whose scores against the baseline before s all
 * exceed {@link Sensitivity#run()} in one direction and whose Stouffer combination Σz/√3 exceeds
 * {@link Sensitivity#shift()} is a level shift, reported once, on s, within two days of its start. This is a
 * windowed one-sided CUSUM (Page 1954, Biometrika 41:100) with a reset:
 * after a shift the baseline restarts at s, the run-length reset of Bayesian online changepoint detection
 * (Adams &amp; MacKay 2007, arXiv:0710.3742) without its full run-length posterior.
 *
 * <h2>Delivery and pacing</h2>
 * Delivery stop: spend at most {@value #STOP_SHARE} of the median of the last 7 spending days (at least
 * {@value #MIN_USUAL_SPEND}) on an active ad set, reported on the first such day. The ad set's current
 * {@code daily_budget} is the only budget known, so pacing is judged on the last {@value #PACING_DAYS} days:
 * over-pacing above {@link Sensitivity#pacingOver()} × budget on a day, under-pacing below
 * {@value #UNDER_SHARE} × budget two days running (reported on the first). On an active ad set with a budget,
 * spend dips and spend level shifts are not reported ({@link #judgedAgainstBudget}): spend below its usual level is
 * pacing's and the delivery stop's to judge.
 *
 * <h2>One root cause, one anomaly</h2>
 * Conversions that move with an earlier level shift of CPM, CTR or CVR, and spend or conversions that move after a
 * delivery stop, are folded into that root ({@link ExplainedAnomalies}). The account-level series is
 * {@link AccountTotal}; its anomalies that one ad set's anomaly accounts for are folded into that ad set's.
 */
public final class AnomalyDetector {
    /** Trailing baseline days. */
    public static final int WINDOW = 28;
    /** Usable baseline days a metric needs before its days are checked (the warm-up). */
    public static final int MIN_BASELINE = 7;

    static final int MIN_AFTER_SHIFT = 7;
    static final int SEASON_WINDOW = 56;
    static final int MIN_SEASONAL = 14;
    static final double STOP_SHARE = 0.05;
    static final double MIN_USUAL_SPEND = 1.0;
    static final int PACING_DAYS = 14;
    static final double UNDER_SHARE = 0.5;
    static final double FIRST_DAY_SHARE = 0.6;
    static final double DF_PER_DAY = 0.4;
    /** Degrees of freedom from which a Student t is taken as the normal. */
    static final double NORMAL_DF = 1e5;
    /** Days of a level-shift run: the start day and the two after it, all in the same direction. */
    static final int RUN_DAYS = 3;
    /** Days of a pooled window: the start day and the two after it, their counts summed. */
    static final int POOLED_DAYS = 3;

    /** @return the anomalies of every series, in input order then date then metric */
    public DetectionResult detect(List<SeriesInput> series, DetectionSettings settings) {
        List<Anomaly> anomalies = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int checked = 0;
        for (SeriesInput s : series) {
            List<Anomaly> own = new ArrayList<>();
            int n = s.days().size();
            if (n <= MIN_BASELINE) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "ad set %s: %d day(s) of history, at least %d needed (the "
                                + "first %d days are the warm-up); not checked",
                        s.adsetId(),
                        n,
                        MIN_BASELINE + 1,
                        MIN_BASELINE));
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (Metric metric : settings.metrics()) {
                MetricModel model = MetricModel.of(metric, s.days());
                int usable = 0;
                for (int d = 0; d < n; d++) {
                    usable += model.usable(d) ? 1 : 0;
                }
                if (usable <= MIN_BASELINE) {
                    missing.add(metric.wireName());
                    continue;
                }
                checked++;
                List<Anomaly> found = scan(s, model, settings);
                if (metric == Metric.SPEND && judgedAgainstBudget(s)) {
                    found.removeIf(a -> a.direction() == Direction.DOWN || a.kind() == AnomalyKind.LEVEL_SHIFT);
                }
                own.addAll(found);
            }
            if (!missing.isEmpty()) {
                missing.sort(Comparator.naturalOrder());
                warnings.add("ad set " + s.adsetId() + ": too few days with data for " + String.join(", ", missing)
                        + " (at least " + (MIN_BASELINE + 1) + " needed); not checked");
            }
            if (settings.metrics().contains(Metric.SPEND)) {
                own.addAll(deliveryStops(s, settings));
                own.addAll(pacing(s, settings));
            }
            own.removeIf(a -> a.metric() == Metric.SPEND
                    && a.kind() == AnomalyKind.SPIKE
                    && own.stream()
                            .anyMatch(p ->
                                    p.kind() == AnomalyKind.PACING && p.date().equals(a.date())));
            List<Anomaly> reported = new ArrayList<>(ExplainedAnomalies.fold(own));
            reported.removeIf(a -> !settings.reports(a.date()));
            reported.sort(Comparator.comparing(Anomaly::date)
                    .thenComparing(Anomaly::metric)
                    .thenComparing(Anomaly::kind));
            anomalies.addAll(reported);
        }
        if (series.stream().anyMatch(s -> AccountTotal.SERIES_ID.equals(s.adsetId()))) {
            List<Anomaly> folded = ExplainedAnomalies.foldTotal(anomalies);
            anomalies.clear();
            anomalies.addAll(folded);
        }
        if (anomalies.isEmpty() && checked == 0 && !series.isEmpty() && warnings.isEmpty()) {
            warnings.add("no series had enough history to be checked");
        }
        return new DetectionResult(anomalies, checked, warnings);
    }

    /** Spikes, dips and level shifts of one metric. */
    List<Anomaly> scan(SeriesInput s, MetricModel model, DetectionSettings settings) {
        int n = s.days().size();
        double single = settings.sensitivity().single();
        double run = settings.sensitivity().run();
        double shiftScore = settings.sensitivity().shift();
        boolean[] excluded = new boolean[n];
        int[] regime = new int[n];
        int regimeStart = 0;
        int regimeId = 0;
        List<Anomaly> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            regime[t] = regimeId;
            if (!model.usable(t)) {
                continue;
            }
            int needed = regimeStart == 0 ? MIN_BASELINE : MIN_AFTER_SHIFT;
            MetricModel.Baseline baseline = baseline(model, t, regimeStart, excluded, regime, needed);
            if (baseline == null) {
                continue;
            }
            MetricModel.Evaluation day = model.evaluate(t, baseline, settings.level());
            double z = studentized(day.tail().z(), day.nu());
            int[] next = nextUsable(model, t, RUN_DAYS - 1);
            if (Math.abs(z) < run) {
                MetricModel.Evaluation pooled = pooledDrop(model, t, next, z, baseline, settings);
                if (pooled != null) {
                    out.add(pooledShift(s, t, model, pooled, baseline, settings));
                    regimeStart = t;
                    regimeId++;
                    regime[t] = regimeId;
                }
                continue;
            }
            // look ahead at the next usable days against the same baseline
            double sum = z;
            int length = 1;
            double observedSum = day.observed();
            boolean shift = false;
            for (int k = 0; k < next.length; k++) {
                MetricModel.Evaluation nextDay = model.evaluate(next[k], baseline, settings.level());
                double zk = studentized(nextDay.tail().z(), nextDay.nu());
                if (Math.signum(zk) != Math.signum(z) || Math.abs(zk) < run) {
                    break;
                }
                sum += zk;
                length++;
                observedSum += model.value(next[k]);
                if (length == RUN_DAYS && Math.abs(sum) / Math.sqrt(length) >= shiftScore) {
                    shift = true;
                    break;
                }
            }
            // the run must start here, not one mild day early: the first day carries at least 60 % of the
            // mean score of the rest of the run
            if (shift && Math.abs(z) < FIRST_DAY_SHARE * Math.abs(sum - z) / (length - 1)) {
                shift = false;
            }
            Direction direction = z > 0 ? Direction.UP : Direction.DOWN;
            if (shift) {
                double combined = Math.abs(sum) / Math.sqrt(length);
                double observed = observedSum / length;
                out.add(new Anomaly(
                        s.adsetId(),
                        s.days().get(t).date(),
                        model.metric,
                        AnomalyKind.LEVEL_SHIFT,
                        direction,
                        observed,
                        day.expected(),
                        day.lo(),
                        day.hi(),
                        Distributions.normalCdf(-combined),
                        Reasons.deviation(
                                model.metric,
                                AnomalyKind.LEVEL_SHIFT,
                                direction,
                                s.days().get(t).date(),
                                observed,
                                day.expected(),
                                day.lo(),
                                day.hi(),
                                settings.level(),
                                clicksHeld(s, t, baseline))));
                regimeStart = t;
                regimeId++;
                regime[t] = regimeId;
            } else if (Math.abs(z) < single && pooledDrop(model, t, next, z, baseline, settings) != null) {
                out.add(pooledShift(
                        s, t, model, pooledDrop(model, t, next, z, baseline, settings), baseline, settings));
                regimeStart = t;
                regimeId++;
                regime[t] = regimeId;
            } else if (Math.abs(z) >= single) {
                AnomalyKind kind = z > 0 ? AnomalyKind.SPIKE : AnomalyKind.DIP;
                out.add(new Anomaly(
                        s.adsetId(),
                        s.days().get(t).date(),
                        model.metric,
                        kind,
                        direction,
                        day.observed(),
                        day.expected(),
                        day.lo(),
                        day.hi(),
                        Distributions.normalCdf(-Math.abs(z)),
                        Reasons.deviation(
                                model.metric,
                                kind,
                                direction,
                                s.days().get(t).date(),
                                day.observed(),
                                day.expected(),
                                day.lo(),
                                day.hi(),
                                settings.level(),
                                false)));
                excluded[t] = true;
            }
        }
        return out;
    }

    /**
     * A sustained drop of a rate (CTR or CVR) seen on the summed counts of day t and the next
     * {@value #POOLED_DAYS}&nbsp;−&nbsp;1 usable days, when no single day of it is strong enough for a run: the pooled
     * window's predictive under the baseline of t ({@link MetricModel#evaluatePooled}), when its studentized score is
     * at or below −{@link Sensitivity#shift()} and the drop starts on t: day t is itself below expectation, the
     * window is stronger evidence than any of its later suffixes (the CUSUM's change-point estimate is t, not a later
     * day), and day t carries at least {@value #FIRST_DAY_SHARE} of the mean score of the other days. Otherwise null.
     * The counting part of the window's variance is known, so its score takes the Welch–Satterthwaite ν
     * ({@link MetricModel#satterthwaiteDf}).
     */
    static MetricModel.Evaluation pooledDrop(
            MetricModel model, int t, int[] next, double z, MetricModel.Baseline baseline, DetectionSettings settings) {
        if (z >= 0 || (model.metric != Metric.CTR && model.metric != Metric.CVR) || next.length < POOLED_DAYS - 1) {
            return null;
        }
        int[] window = new int[POOLED_DAYS];
        window[0] = t;
        System.arraycopy(next, 0, window, 1, POOLED_DAYS - 1);
        MetricModel.Evaluation pooled = model.evaluatePooled(window, baseline, settings.level());
        double zp = studentized(pooled.tail().z(), pooled.nu());
        if (zp > -settings.sensitivity().shift()) {
            return null;
        }
        double rest = 0;
        for (int from = 1; from < POOLED_DAYS; from++) {
            MetricModel.Evaluation suffix =
                    model.evaluatePooled(Arrays.copyOfRange(window, from, POOLED_DAYS), baseline, settings.level());
            if (studentized(suffix.tail().z(), suffix.nu()) <= zp) {
                return null;
            }
            MetricModel.Evaluation day = model.evaluate(window[from], baseline, settings.level());
            rest += studentized(day.tail().z(), day.nu());
        }
        return z <= FIRST_DAY_SHARE * rest / (POOLED_DAYS - 1) ? pooled : null;
    }

    private Anomaly pooledShift(
            SeriesInput s,
            int t,
            MetricModel model,
            MetricModel.Evaluation pooled,
            MetricModel.Baseline baseline,
            DetectionSettings settings) {
        LocalDate date = s.days().get(t).date();
        double z = studentized(pooled.tail().z(), pooled.nu());
        return new Anomaly(
                s.adsetId(),
                date,
                model.metric,
                AnomalyKind.LEVEL_SHIFT,
                Direction.DOWN,
                pooled.observed(),
                pooled.expected(),
                pooled.lo(),
                pooled.hi(),
                Distributions.normalCdf(-Math.abs(z)),
                Reasons.deviation(
                        model.metric,
                        AnomalyKind.LEVEL_SHIFT,
                        Direction.DOWN,
                        date,
                        pooled.observed(),
                        pooled.expected(),
                        pooled.lo(),
                        pooled.hi(),
                        settings.level(),
                        clicksHeld(s, t, baseline)));
    }

    /**
     * The normal score of the same tail probability under a Student t with ν = max(2, {@code degreesOfFreedom})
     * degrees of freedom (z itself from {@value #NORMAL_DF} on): the baseline's centre and spread come from n days
     * (ν = {@value #DF_PER_DAY}·n: a MAD has about 40 % of the efficiency of a standard deviation), so its scores
     * have heavier tails than a normal, most of all right after a level shift, when n is small.
     */
    static double studentized(double z, double degreesOfFreedom) {
        if (degreesOfFreedom >= NORMAL_DF) {
            return z;
        }
        double nu = Math.max(2.0, degreesOfFreedom);
        double p = new TDistribution(nu).cumulativeProbability(-Math.abs(z));
        return Math.signum(z) * -Distributions.normalQuantile(Math.max(p, 1e-300));
    }

    private static int[] nextUsable(MetricModel model, int t, int count) {
        int[] out = new int[count];
        int found = 0;
        for (int d = t + 1; d < model.rows.size() && found < count; d++) {
            if (model.usable(d)) {
                out[found++] = d;
            }
        }
        return Arrays.copyOf(out, found);
    }

    /** The baseline of day t, or null when the regime has fewer than {@code needed} usable days before t. */
    static MetricModel.Baseline baseline(
            MetricModel model, int t, int regimeStart, boolean[] excluded, int[] regime, int needed) {
        int[] days = new int[WINDOW];
        int size = 0;
        for (int d = t - 1; d >= regimeStart && size < WINDOW; d--) {
            if (model.usable(d) && !excluded[d]) {
                days[size++] = d;
            }
        }
        if (size < needed) {
            return null;
        }
        Seasonality season = Seasonality.of(model, t, excluded, regime);
        double[] residuals = new double[size];
        for (int i = 0; i < size; i++) {
            residuals[i] = model.logValue(days[i]) - season.factor(model.weekday[days[i]]);
        }
        double center = RobustStats.median(residuals, size);
        // the spread is judged out of sample: each day against weekday factors estimated without it, so the
        // factors' own estimation error widens the interval instead of hiding in the fit
        double[] honest = new double[size];
        for (int i = 0; i < size; i++) {
            honest[i] = model.logValue(days[i]) - season.factorWithout(days[i]);
        }
        double spread = RobustStats.madSigma(honest, size, RobustStats.median(honest, size));
        return new MetricModel.Baseline(days, size, season.factors(), center, spread);
    }

    /**
     * Whether spend is judged against the daily budget instead of its own history: on an active ad set with a known
     * budget, spend below the usual level is pacing's and the delivery stop's to judge (Meta paces spend around the
     * budget from day to day, so a dip or a lower level within the budget's band is not a problem of its own); spend
     * spikes are still reported, since pacing only sees the last {@value #PACING_DAYS} days.
     */
    static boolean judgedAgainstBudget(SeriesInput s) {
        return s.active() && s.dailyBudget() != null && s.dailyBudget() > 0;
    }

    /** Whether clicks over the next days held within ±30 % of the baseline's median clicks (tracking broke). */
    private static boolean clicksHeld(SeriesInput s, int t, MetricModel.Baseline baseline) {
        double[] clicks = new double[baseline.size()];
        for (int i = 0; i < baseline.size(); i++) {
            Double c = s.days().get(baseline.days()[i]).clicks();
            clicks[i] = c == null ? Double.NaN : c;
        }
        double usual = RobustStats.median(clicks, clicks.length);
        Double now = s.days().get(t).clicks();
        return now != null && usual > 0 && Math.abs(now / usual - 1) <= 0.3;
    }

    /** Delivery stops: the first day of each run of near-zero spend after spending days. */
    List<Anomaly> deliveryStops(SeriesInput s, DetectionSettings settings) {
        List<Anomaly> out = new ArrayList<>();
        if (!s.active() || (s.dailyBudget() != null && s.dailyBudget() == 0)) {
            return out;
        }
        List<DayRow> days = s.days();
        boolean stopped = false;
        for (int t = 0; t < days.size(); t++) {
            double[] recent = new double[7];
            int size = 0;
            for (int d = t - 1; d >= 0 && size < 7; d--) {
                if (days.get(d).spend() > 0) {
                    recent[size++] = days.get(d).spend();
                }
            }
            if (size < Math.min(7, MIN_BASELINE)) {
                continue;
            }
            double usual = RobustStats.median(recent, size);
            double spend = days.get(t).spend();
            boolean stop = usual >= MIN_USUAL_SPEND && spend <= STOP_SHARE * usual;
            if (stop && !stopped) {
                double[] logs = new double[size];
                for (int i = 0; i < size; i++) {
                    logs[i] = Math.log(recent[i]);
                }
                double center = Math.log(usual);
                double scale = Math.max(RobustStats.madSigma(logs, size, center), MetricModel.Robust.MIN_SCALE);
                Predictive.Tail tail =
                        Predictive.normal(Math.log(Math.max(spend, 0.01 * usual)), center, scale, settings.level());
                out.add(new Anomaly(
                        s.adsetId(),
                        days.get(t).date(),
                        Metric.SPEND,
                        AnomalyKind.DELIVERY_STOP,
                        Direction.DOWN,
                        spend,
                        usual,
                        Math.exp(tail.lo()),
                        Math.exp(tail.hi()),
                        tail.score(),
                        Reasons.deliveryStop(days.get(t).date(), spend, usual)));
            }
            stopped = stop || (stopped && spend <= STOP_SHARE * usual);
        }
        return out;
    }

    /** Over- and under-pacing against the current daily budget on the last {@value #PACING_DAYS} days. */
    List<Anomaly> pacing(SeriesInput s, DetectionSettings settings) {
        List<Anomaly> out = new ArrayList<>();
        Double budget = s.dailyBudget();
        if (!s.active() || budget == null || budget <= 0) {
            return out;
        }
        List<DayRow> days = s.days();
        double over = settings.sensitivity().pacingOver();
        boolean under = false;
        for (int t = Math.max(0, days.size() - PACING_DAYS); t < days.size(); t++) {
            double spend = days.get(t).spend();
            LocalDate date = days.get(t).date();
            if (spend > over * budget) {
                out.add(new Anomaly(
                        s.adsetId(),
                        date,
                        Metric.SPEND,
                        AnomalyKind.PACING,
                        Direction.UP,
                        spend,
                        budget,
                        0,
                        1.75 * budget,
                        Math.exp(-spend / budget),
                        Reasons.pacing(date, Direction.UP, spend, budget, false)));
            }
            boolean low = spend > STOP_SHARE * budget && spend < UNDER_SHARE * budget;
            boolean nextLow = t + 1 < days.size()
                    && days.get(t + 1).spend() > STOP_SHARE * budget
                    && days.get(t + 1).spend() < UNDER_SHARE * budget;
            if (low && nextLow && !under) {
                out.add(new Anomaly(
                        s.adsetId(),
                        date,
                        Metric.SPEND,
                        AnomalyKind.PACING,
                        Direction.DOWN,
                        spend,
                        budget,
                        UNDER_SHARE * budget,
                        1.75 * budget,
                        spend / budget,
                        Reasons.pacing(date, Direction.DOWN, spend, budget, true)));
            }
            under = low && (under || nextLow);
        }
        return out;
    }
}
