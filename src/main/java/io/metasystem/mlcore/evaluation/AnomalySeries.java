package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.alerts.detect.DayRow;
import io.metasystem.mlcore.alerts.detect.SeriesInput;
import io.metasystem.mlcore.simulation.AdMarket;
import io.metasystem.mlcore.simulation.Seeds;
import org.hipparchus.random.RandomDataGenerator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated daily ad-set series with at most one injected anomaly each, for the alert benchmark. Realistic in the
 * ways the detectors must survive: weekly seasonality of spend, CPM, CTR and CVR (each ad set its own pattern),
 * log-normal day-to-day wobble of every rate, spend that hugs the budget with Meta-like pacing noise, Poisson
 * counts, and a share of low-volume ad sets (budgets of 3–10 per day: a few dozen clicks and a few conversions a
 * day). Rates are those of music promotion (pre-saves and landing-page conversions): CPM 2–10, CTR 0.8–4 %,
 * conversions per click 5–30 %. Deterministic for the seed.
 */
public final class AnomalySeries {
    /** An injected anomaly and how the benchmark scores it. */
    public enum Injected {
        /** Spend drops to 0 for 2–6 days (the ad set stays active, its budget unchanged). */
        DELIVERY_STOP("delivery stop"),
        /** CPM doubles from the start day on. */
        CPM_SHIFT("CPM level shift ×2"),
        /** CTR falls to 35 % of its level from the start day on (creative fatigue). */
        CTR_DROP("CTR drop to 35 %"),
        /** CVR falls to 25 % of its level from the start day on while clicks hold (tracking broken). */
        CVR_DROP("CVR drop to 25 %"),
        /** Conversions collapse to 5 % of normal on one day. */
        CONVERSION_COLLAPSE("one-day conversion collapse"),
        /** Spend is three times normal on one day. */
        OVERSPEND("one-day overspend ×3");

        private final String label;

        Injected(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One simulated ad set.
     *
     * @param input     what the detector sees
     * @param injected  nullable: a clean ad set
     * @param start     index of the first anomalous day (-1 when clean)
     * @param end       index of the last anomalous day (-1 when clean)
     * @param lowVolume budget under 10 per day
     * @param expectedConversions conversions per day of the ad set's true rates at its usual spend (no wobble, no
     *     anomaly): how much signal a conversion-rate anomaly can carry
     */
    public record Case(
            SeriesInput input, Injected injected, int start, int end, boolean lowVolume, double expectedConversions) {}

    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 3);

    private AnomalySeries() {}

    /**
     * @param seed         seed of this ad set
     * @param days         length of the series
     * @param anomalyShare probability that the ad set carries an injected anomaly
     * @param earliest     earliest start index of an anomaly (the detector's baseline needs the days before)
     */
    public static Case generate(long seed, int index, int days, double anomalyShare, int earliest) {
        RandomDataGenerator rng = Seeds.rng(Seeds.mix(seed, 0xA1E57L, index));
        boolean low = rng.nextUniform(0, 1) < 0.3;
        double budget = low ? rng.nextUniform(3, 10) : Math.exp(rng.nextUniform(Math.log(15), Math.log(250)));
        double cpm = Math.exp(rng.nextUniform(Math.log(2), Math.log(10)));
        double ctr = Math.exp(rng.nextUniform(Math.log(0.008), Math.log(0.04)));
        double cvr = Math.exp(rng.nextUniform(Math.log(0.05), Math.log(0.30)));
        double[] spendWeek = weekly(rng, 0.06);
        double[] cpmWeek = weekly(rng, 0.10);
        double[] ctrWeek = weekly(rng, 0.08);
        double[] cvrWeek = weekly(rng, 0.10);
        double wobbleSpend = rng.nextUniform(0.04, 0.10);
        double wobbleCpm = rng.nextUniform(0.04, 0.12);
        double wobbleCtr = rng.nextUniform(0.04, 0.12);
        double wobbleCvr = rng.nextUniform(0.05, 0.15);
        Injected injected = null;
        int start = -1;
        int end = -1;
        if (rng.nextUniform(0, 1) < anomalyShare) {
            Injected[] kinds = Injected.values();
            injected = kinds[rng.nextInt(0, kinds.length - 1)];
            start = rng.nextInt(earliest, days - 3);
            end = switch (injected) {
                case DELIVERY_STOP -> Math.min(days - 1, start + rng.nextInt(1, 5));
                case CONVERSION_COLLAPSE, OVERSPEND -> start;
                default -> days - 1;
            };
        }
        List<DayRow> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = FIRST_DAY.plusDays(d);
            int w = date.getDayOfWeek().getValue() - 1;
            boolean in = injected != null && d >= start && d <= end;
            double spend = budget * Math.min(1.25, 0.93 * Math.exp(spendWeek[w] + wobbleSpend * rng.nextGaussian()));
            double dayCpm = cpm * Math.exp(cpmWeek[w] + wobbleCpm * rng.nextGaussian());
            double dayCtr = ctr * Math.exp(ctrWeek[w] + wobbleCtr * rng.nextGaussian());
            double dayCvr = cvr * Math.exp(cvrWeek[w] + wobbleCvr * rng.nextGaussian());
            if (in) {
                switch (injected) {
                    case DELIVERY_STOP -> spend = 0;
                    case CPM_SHIFT -> dayCpm *= 2;
                    case CTR_DROP -> dayCtr *= 0.35;
                    case CVR_DROP -> dayCvr *= 0.25;
                    case CONVERSION_COLLAPSE -> dayCvr *= 0.05;
                    case OVERSPEND -> spend *= 3;
                }
            }
            spend = Math.round(spend * 100) / 100.0;
            double impressions = spend == 0 ? 0 : AdMarket.poisson(rng, 1000 * spend / dayCpm);
            double clicks = impressions == 0 ? 0 : AdMarket.poisson(rng, impressions * Math.min(0.5, dayCtr));
            double conversions =
                    clicks == 0 ? 0 : Math.min(clicks, AdMarket.poisson(rng, clicks * Math.min(0.9, dayCvr)));
            double revenue = Math.round(conversions * 4.0 * 100) / 100.0;
            rows.add(new DayRow(date, spend, impressions, clicks, conversions, revenue));
        }
        SeriesInput input = new SeriesInput("sim-" + index, null, true, Math.round(budget * 100) / 100.0, rows);
        return new Case(input, injected, start, end, low, budget * 0.93 * 1000 / cpm * ctr * cvr);
    }

    /** Per-weekday log factors with standard deviation {@code sd}, centred. */
    private static double[] weekly(RandomDataGenerator rng, double sd) {
        double[] f = new double[7];
        double mean = 0;
        for (int w = 0; w < 7; w++) {
            f[w] = sd * rng.nextGaussian() + (w >= 5 ? rng.nextUniform(-sd, sd) : 0);
            mean += f[w] / 7;
        }
        for (int w = 0; w < 7; w++) {
            f[w] -= mean;
        }
        return f;
    }
}
