package io.metasystem.mlcore.alerts.detect;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * One metric of one ad set as a sequence of days, and its predictive for a day given a baseline of earlier days.
 * Three families: {@link Robust} (normal on a log value, scale from the MAD), {@link BetaBinomial} (successes of
 * trials) and {@link GammaPoisson} (a count per unit of exposure).
 */
abstract sealed class MetricModel {
    /**
     * What a baseline says about one day: the tails of the observation, the interval in metric units, and the
     * degrees of freedom {@code nu} of the Student t that turns the tail into a score (see
     * {@link AnomalyDetector#studentized}; from {@value AnomalyDetector#NORMAL_DF} on, the tail is used as it is).
     */
    record Evaluation(Predictive.Tail tail, double observed, double expected, double lo, double hi, double nu) {}

    /** Robust summaries of the baseline days: day-of-week factors, centre and spread of the log values. */
    record Baseline(int[] days, int size, double[] weekday, double center, double spread) {}

    final Metric metric;
    final List<DayRow> rows;
    final int[] weekday;

    MetricModel(Metric metric, List<DayRow> rows) {
        this.metric = metric;
        this.rows = rows;
        this.weekday = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            weekday[i] = rows.get(i).date().getDayOfWeek().getValue() - 1;
        }
    }

    /** Whether day d has the data this metric needs. */
    abstract boolean usable(int d);

    /** The log value of day d whose day-of-week pattern, centre and spread the baseline summarises. */
    abstract double logValue(int d);

    /** The value of day d in metric units (CTR as a fraction, CPM per 1,000 impressions, …). */
    abstract double value(int d);

    /** Predictive of day t under the baseline. */
    abstract Evaluation evaluate(int t, Baseline b, double level);

    /**
     * Predictive of the summed counts of several days under the baseline (a pooled window), or null for a metric
     * that is not a count. The days' rates share the baseline's pooled rate (its uncertainty 1/(Σy + 1) does not
     * shrink with more days) but wobble independently, so the wobble's part of the coefficient of variation² is
     * σ²·Σw²/(Σw)² for days of weights w (their expected counts): σ²/L for L equal days.
     */
    Evaluation evaluatePooled(int[] window, Baseline b, double level) {
        return null;
    }

    static MetricModel of(Metric metric, List<DayRow> rows) {
        return switch (metric) {
            case CTR -> new BetaBinomial(metric, rows);
            case CVR -> new BetaBinomial(metric, rows);
            case CONVERSIONS -> new GammaPoisson(metric, rows);
            default -> new Robust(metric, rows);
        };
    }

    /** Robust z on the log scale: centre the baseline's median, scale 1.4826·MAD, floored. */
    static final class Robust extends MetricModel {
        /** Smallest scale on the log scale (5 %): a flat baseline must not make tiny wobbles anomalous. */
        static final double MIN_SCALE = 0.05;

        private final boolean count;

        Robust(Metric metric, List<DayRow> rows) {
            super(metric, rows);
            this.count = metric == Metric.IMPRESSIONS || metric == Metric.CLICKS || metric == Metric.REVENUE;
        }

        @Override
        boolean usable(int d) {
            DayRow r = rows.get(d);
            return switch (metric) {
                case SPEND -> r.spend() > 0;
                case IMPRESSIONS -> r.impressions() != null && r.spend() > 0;
                case CLICKS -> r.clicks() != null && r.spend() > 0;
                case REVENUE -> r.revenue() != null && r.spend() > 0;
                case CPM -> r.impressions() != null && r.impressions() >= 1 && r.spend() > 0;
                case CPA -> r.conversions() != null && r.conversions() > 0 && r.spend() > 0;
                case ROAS -> r.revenue() != null && r.revenue() > 0 && r.spend() > 0;
                default -> false;
            };
        }

        @Override
        double value(int d) {
            DayRow r = rows.get(d);
            return switch (metric) {
                case SPEND -> r.spend();
                case IMPRESSIONS -> r.impressions();
                case CLICKS -> r.clicks();
                case REVENUE -> r.revenue();
                case CPM -> 1000 * r.spend() / r.impressions();
                case CPA -> r.spend() / r.conversions();
                case ROAS -> r.revenue() / r.spend();
                default -> Double.NaN;
            };
        }

        @Override
        double logValue(int d) {
            return count ? Math.log1p(value(d)) : Math.log(value(d));
        }

        @Override
        Evaluation evaluate(int t, Baseline b, double level) {
            double center = b.center() + b.weekday()[weekday[t]];
            // a small baseline's median and MAD are themselves uncertain: widen by √(1 + 1/n)
            double scale = Math.max(b.spread(), MIN_SCALE) * Math.sqrt(1 + 1.0 / b.size());
            Predictive.Tail tail = Predictive.normal(logValue(t), center, scale, level);
            return new Evaluation(tail, value(t), back(center), back(tail.lo()), back(tail.hi()), estimatedDf(b));
        }

        private double back(double log) {
            return count ? Math.expm1(log) : Math.exp(log);
        }
    }

    /**
     * Beta–Binomial: the day's rate p ~ Beta with the baseline's pooled, day-of-week-adjusted mean and a coefficient
     * of variation² = 1/(Σy + 1) (posterior uncertainty of the pooled rate) + σ² (day-to-day wobble: the robust
     * variance of the log daily rates minus their binomial part), so a low-volume day has a wide interval and does
     * not fire, and a high-volume one is not judged by binomial noise alone.
     */
    static final class BetaBinomial extends MetricModel {
        /**
         * Smallest day-to-day coefficient of variation of a rate (10 %): the wobble is the difference of two noisy
         * estimates (the spread of the log daily rates minus their counting noise), often floored at low volume,
         * where the floor then is the wobble the predictive assumes; day-to-day rates of ads rarely move less.
         */
        static final double MIN_WOBBLE = 0.10;

        BetaBinomial(Metric metric, List<DayRow> rows) {
            super(metric, rows);
        }

        long trials(int d) {
            DayRow r = rows.get(d);
            return Math.round(metric == Metric.CTR ? r.impressions() : r.clicks());
        }

        long successes(int d) {
            DayRow r = rows.get(d);
            return Math.min(trials(d), Math.round(metric == Metric.CTR ? r.clicks() : r.conversions()));
        }

        @Override
        boolean usable(int d) {
            DayRow r = rows.get(d);
            return metric == Metric.CTR
                    ? r.impressions() != null && r.clicks() != null && Math.round(r.impressions()) >= 1
                    : r.clicks() != null && r.conversions() != null && Math.round(r.clicks()) >= 1;
        }

        @Override
        double value(int d) {
            return (double) successes(d) / trials(d);
        }

        @Override
        double logValue(int d) {
            return Math.log((successes(d) + 0.5) / (trials(d) + 1.0));
        }

        @Override
        Evaluation evaluate(int t, Baseline b, double level) {
            Pooled pooled = pool(b, this::successes, this::trials);
            double y = pooled.count();
            double rate = (y + 0.5) / (pooled.exposure() + 1.0);
            double mean = Math.min(0.95, Math.max(1e-9, rate * Math.exp(b.weekday()[weekday[t]])));
            double wobble = pooled.wobble();
            double cv2 = 1.0 / (y + 1.0) + wobble;
            double kappa = Math.max(0.5, (1 - mean) / (mean * cv2) - 1);
            long n = trials(t);
            Predictive.Tail tail = Predictive.betaBinomial(n, mean * kappa, (1 - mean) * kappa, successes(t), level);
            // conversions falling while clicks hold (the tracking-broken signature): the day's count tail is exact
            // up to the estimated wobble, so only that part is studentized
            boolean conversionsFell = metric == Metric.CVR && successes(t) < n * mean;
            double nu = conversionsFell
                    ? satterthwaiteDf(1.0 / (n * mean + 0.5) + 1.0 / (y + 1.0), wobble, estimatedDf(b))
                    : estimatedDf(b);
            return new Evaluation(tail, value(t), mean, tail.lo() / n, tail.hi() / n, nu);
        }

        @Override
        Evaluation evaluatePooled(int[] window, Baseline b, double level) {
            Pooled pooled = pool(b, this::successes, this::trials);
            double y = pooled.count();
            double rate = (y + 0.5) / (pooled.exposure() + 1.0);
            long n = 0;
            long k = 0;
            double expected = 0;
            double squares = 0;
            for (int d : window) {
                long trials = trials(d);
                double dayMean = Math.min(0.95, Math.max(1e-9, rate * Math.exp(b.weekday()[weekday[d]])));
                n += trials;
                k += successes(d);
                expected += trials * dayMean;
                squares += (trials * dayMean) * (trials * dayMean);
            }
            double mean = expected / n;
            double wobble = pooled.wobble() * squares / (expected * expected);
            double cv2 = 1.0 / (y + 1.0) + wobble;
            double kappa = Math.max(0.5, (1 - mean) / (mean * cv2) - 1);
            Predictive.Tail tail = Predictive.betaBinomial(n, mean * kappa, (1 - mean) * kappa, k, level);
            // a pooled drop is judged as a CVR day below expectation: only the wobble's part is studentized
            double nu = k < expected
                    ? satterthwaiteDf(1.0 / (expected + 0.5) + 1.0 / (y + 1.0), wobble, estimatedDf(b))
                    : estimatedDf(b);
            return new Evaluation(tail, (double) k / n, mean, tail.lo() / n, tail.hi() / n, nu);
        }
    }

    /**
     * Gamma–Poisson: conversions ~ Poisson(λ·spend) with λ ~ Gamma of the baseline's pooled, day-of-week-adjusted
     * conversions per unit of spend and the same coefficient of variation as {@link BetaBinomial}.
     */
    static final class GammaPoisson extends MetricModel {
        GammaPoisson(Metric metric, List<DayRow> rows) {
            super(metric, rows);
        }

        long count(int d) {
            return Math.round(rows.get(d).conversions());
        }

        @Override
        boolean usable(int d) {
            return rows.get(d).conversions() != null && rows.get(d).spend() > 0;
        }

        @Override
        double value(int d) {
            return count(d);
        }

        @Override
        double logValue(int d) {
            return Math.log((count(d) + 0.5) / rows.get(d).spend());
        }

        @Override
        Evaluation evaluate(int t, Baseline b, double level) {
            Pooled pooled = pool(b, this::count, d -> rows.get(d).spend());
            double y = pooled.count();
            double rate = (y + 0.5) / pooled.exposure();
            double mean = rate * Math.exp(b.weekday()[weekday[t]]) * rows.get(t).spend();
            double cv2 = 1.0 / (y + 1.0) + pooled.wobble();
            Predictive.Tail tail = Predictive.negativeBinomial(1.0 / cv2, mean, count(t), level);
            return new Evaluation(tail, value(t), mean, tail.lo(), tail.hi(), estimatedDf(b));
        }

        @Override
        Evaluation evaluatePooled(int[] window, Baseline b, double level) {
            Pooled pooled = pool(b, this::count, d -> rows.get(d).spend());
            double y = pooled.count();
            double rate = (y + 0.5) / pooled.exposure();
            long k = 0;
            double mean = 0;
            double squares = 0;
            for (int d : window) {
                double dayMean =
                        rate * Math.exp(b.weekday()[weekday[d]]) * rows.get(d).spend();
                k += count(d);
                mean += dayMean;
                squares += dayMean * dayMean;
            }
            double cv2 = 1.0 / (y + 1.0) + pooled.wobble() * squares / (mean * mean);
            Predictive.Tail tail = Predictive.negativeBinomial(1.0 / cv2, mean, k, level);
            return new Evaluation(tail, k, mean, tail.lo(), tail.hi(), estimatedDf(b));
        }
    }

    /**
     * The baseline's days pooled for a count model.
     *
     * @param count    Σ counts (conversions, clicks) over the baseline days
     * @param exposure Σ exposure (trials or spend) × e^{day-of-week effect of that day}
     * @param wobble   σ² of {@link #wobble}: the day-to-day variance beyond counting noise
     */
    record Pooled(double count, double exposure, double wobble) {}

    /** Pools the baseline's days: counts, day-of-week-adjusted exposure and the wobble of the counts' log rates. */
    Pooled pool(Baseline b, IntToDoubleFunction count, IntToDoubleFunction exposure) {
        double y = 0;
        double adjusted = 0;
        double[] poisson = new double[b.size()];
        for (int i = 0; i < b.size(); i++) {
            int d = b.days()[i];
            double c = count.applyAsDouble(d);
            y += c;
            adjusted += exposure.applyAsDouble(d) * Math.exp(b.weekday()[weekday[d]]);
            poisson[i] = 1.0 / (c + 0.5);
        }
        return new Pooled(y, adjusted, wobble(b, poisson));
    }

    /**
     * Degrees of freedom of a scale estimated from the baseline's n days: ν = {@value AnomalyDetector#DF_PER_DAY}·n
     * (a MAD has about 40 % of the efficiency of a standard deviation).
     */
    static double estimatedDf(Baseline b) {
        return AnomalyDetector.DF_PER_DAY * b.size();
    }

    /**
     * Welch–Satterthwaite degrees of freedom of a variance {@code sampling + wobble} on the log scale of which only
     * the wobble σ² is estimated (with {@code wobbleDf} degrees of freedom) while the sampling part, the Poisson or
     * binomial noise of the day's and the pooled counts, is known from the counts: ν = ν_w·((s + σ²)/σ²)², at most
     * {@value AnomalyDetector#NORMAL_DF}. A day whose uncertainty is mostly counting noise is then judged by its
     * count tail, not by a Student t made for an estimated scale.
     *
     * @param sampling known variance, &ge; 0
     * @param wobble   estimated variance, &gt; 0
     * @param wobbleDf degrees of freedom of the wobble's estimate, &gt; 0
     */
    static double satterthwaiteDf(double sampling, double wobble, double wobbleDf) {
        double ratio = (sampling + wobble) / wobble;
        return Math.min(AnomalyDetector.NORMAL_DF, wobbleDf * ratio * ratio);
    }

    /** σ²: robust variance of the baseline's log values minus the median sampling variance 1/(y + ½), floored. */
    static double wobble(Baseline b, double[] poissonVariances) {
        double sampling = RobustStats.median(poissonVariances, poissonVariances.length);
        double total = b.spread() * b.spread();
        return Math.max(BetaBinomial.MIN_WOBBLE * BetaBinomial.MIN_WOBBLE, total - sampling);
    }
}
