package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.alerts.detect.Anomaly;
import io.metasystem.mlcore.alerts.detect.AnomalyDetector;
import io.metasystem.mlcore.alerts.detect.DetectionResult;
import io.metasystem.mlcore.alerts.detect.DetectionSettings;
import io.metasystem.mlcore.alerts.detect.Sensitivity;
import io.metasystem.mlcore.optimizer.Distributions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality of the anomaly detectors on simulated series ({@link AnomalySeries}): recall per injected kind (an
 * injection counts as found when any anomaly of its ad set is dated from its first day to two days after),
 * precision (anomalies within that window of an injection over all anomalies; a later anomaly of an injected ad set
 * counts as false), and false alarms per 60 clean ad-set-days (anomalies of clean ad sets per checked day × 60).
 * Only days after the first {@value #WARM_UP} of a series are reported, the warm-up the baseline needs.
 */
public final class AlertBenchmark {
    /** Days at the start of each simulated series that only feed the baseline. */
    public static final int WARM_UP = 28;
    /** Days after the start within which an injection must be found. */
    public static final int WITHIN = 2;

    /**
     * @param adsets       simulated ad sets
     * @param days         days per ad set (&gt; {@value #WARM_UP} + 3)
     * @param seed         seed of the simulation
     * @param anomalyShare share of ad sets with an injected anomaly
     * @param sensitivity  detector sensitivity
     */
    public record Settings(int adsets, int days, long seed, double anomalyShare, Sensitivity sensitivity) {
        /** @throws IllegalArgumentException when a setting is out of range */
        public Settings {
            if (adsets < 1) {
                throw new IllegalArgumentException("adsets must be at least 1, was " + adsets);
            }
            if (days < WARM_UP + 7) {
                throw new IllegalArgumentException("days must be at least " + (WARM_UP + 7) + ", was " + days);
            }
            if (!(anomalyShare >= 0 && anomalyShare <= 1)) {
                throw new IllegalArgumentException("anomaly share must be in [0, 1], was " + anomalyShare);
            }
        }
    }

    /** Expected conversions per day from which an ad set counts as conversion-rich in the report. */
    public static final double RICH_CONVERSIONS = 5;

    /** Found and injected counts of one kind, of its low-volume ad sets and of its conversion-rich ad sets. */
    public record KindRecall(
            AnomalySeries.Injected kind,
            int injected,
            int found,
            int injectedLowVolume,
            int foundLowVolume,
            int injectedRich,
            int foundRich) {
        public double recall() {
            return injected == 0 ? Double.NaN : (double) found / injected;
        }
    }

    /** The benchmark's figures. */
    public record Report(
            Settings settings,
            List<KindRecall> kinds,
            int injected,
            int found,
            int anomalies,
            int truePositives,
            int falseAlarmsClean,
            long cleanDays,
            Map<String, Integer> falseByMetric,
            Map<String, Integer> falseBreakdown,
            double collapseOracleRecall,
            double cvrDropOracleRecall) {
        public double recall() {
            return injected == 0 ? Double.NaN : (double) found / injected;
        }

        public double precision() {
            return anomalies == 0 ? 1.0 : (double) truePositives / anomalies;
        }

        /** False alarms per 60 checked days of clean ad sets. */
        public double falseAlarmsPer60() {
            return cleanDays == 0 ? 0 : 60.0 * falseAlarmsClean / cleanDays;
        }

        /** A Markdown table of the figures. */
        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "ad sets %d × %d days, seed %d, sensitivity %s, anomaly share %.2f%n%n",
                    settings.adsets(),
                    settings.days(),
                    settings.seed(),
                    settings.sensitivity().wireName(),
                    settings.anomalyShare()));
            out.append("| injected | n | recall (≤ 2 days) | of which low-volume: n | recall "
                    + "| ≥ 5 conversions/day: n | recall |\n|---|---|---|---|---|---|---|\n");
            for (KindRecall k : kinds) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.3f | %d | %s | %d | %s |%n",
                        k.kind().label(),
                        k.injected(),
                        k.recall(),
                        k.injectedLowVolume(),
                        share(k.foundLowVolume(), k.injectedLowVolume()),
                        k.injectedRich(),
                        share(k.foundRich(), k.injectedRich())));
            }
            int rich = kinds.stream().mapToInt(KindRecall::injectedRich).sum();
            int richFound = kinds.stream().mapToInt(KindRecall::foundRich).sum();
            out.append(String.format(
                    Locale.ROOT,
                    "| **all** | %d | **%.3f** | | | %d | **%s** |%n%n",
                    injected,
                    recall(),
                    rich,
                    share(richFound, rich)));
            out.append(String.format(
                    Locale.ROOT,
                    "precision **%.3f** (%d of %d anomalies), false alarms **%.3f** per 60 "
                            + "clean ad-set-days (%d in %d days)%n",
                    precision(),
                    truePositives,
                    anomalies,
                    falseAlarmsPer60(),
                    falseAlarmsClean,
                    cleanDays));
            out.append(String.format(
                    Locale.ROOT,
                    "%noracle bound of the one-day conversion collapse (closed form, the ad set's true rates known): "
                            + "%.3f%n",
                    collapseOracleRecall));
            out.append(String.format(
                    Locale.ROOT,
                    "oracle bound of the CVR drop to 25 %% on its first 3 days pooled, at the level-shift score "
                            + "(closed form, the true rates known): %.3f%n",
                    cvrDropOracleRecall));
            out.append("\nfalse anomalies (clean ad sets, and injected ones outside the window) by metric and kind: ")
                    .append(falseByMetric)
                    .append('\n');
            out.append("\nfalse anomalies by ad set (clean, or the injected kind and when: before its start, late "
                    + "while it lasts, after it ended), metric and kind:\n\n| ad set | when | metric/kind | n |\n"
                    + "|---|---|---|---|\n");
            falseBreakdown.forEach((key, n) -> out.append("| ")
                    .append(key.replace(" @ ", " | "))
                    .append(" | ")
                    .append(n)
                    .append(" |\n"));
            return out.toString();
        }

        private static String share(int found, int of) {
            return of == 0 ? "–" : String.format(Locale.ROOT, "%.3f", (double) found / of);
        }
    }

    private AlertBenchmark() {}

    /** Runs the benchmark; deterministic for the settings. */
    public static Report run(Settings settings) {
        AnomalyDetector detector = new AnomalyDetector();
        Map<AnomalySeries.Injected, int[]> counts = new EnumMap<>(AnomalySeries.Injected.class);
        for (AnomalySeries.Injected k : AnomalySeries.Injected.values()) {
            counts.put(k, new int[6]);
        }
        int anomalies = 0;
        int truePositives = 0;
        int falseClean = 0;
        long cleanDays = 0;
        Map<String, Integer> falseByMetric = new TreeMap<>();
        Map<String, Integer> falseBreakdown = new TreeMap<>();
        double oracleSum = 0;
        int oracleCount = 0;
        double cvrOracleSum = 0;
        int cvrOracleCount = 0;
        for (int i = 0; i < settings.adsets(); i++) {
            AnomalySeries.Case c =
                    AnomalySeries.generate(settings.seed(), i, settings.days(), settings.anomalyShare(), WARM_UP + 1);
            LocalDate from = AnomalySeries.FIRST_DAY.plusDays(WARM_UP);
            DetectionSettings ds = DetectionSettings.defaults()
                    .withSensitivity(settings.sensitivity())
                    .withRange(from, null);
            DetectionResult result = detector.detect(List.of(c.input()), ds);
            anomalies += result.anomalies().size();
            if (c.injected() == null) {
                result.anomalies().forEach(a -> {
                    falseByMetric.merge(a.metric().wireName() + "/" + a.kind().wireName(), 1, Integer::sum);
                    falseBreakdown.merge(
                            "clean @ – @ " + a.metric().wireName() + "/"
                                    + a.kind().wireName(),
                            1,
                            Integer::sum);
                });
                falseClean += result.anomalies().size();
                cleanDays += settings.days() - WARM_UP;
                continue;
            }
            LocalDate start = AnomalySeries.FIRST_DAY.plusDays(c.start());
            LocalDate last = start.plusDays(WITHIN);
            boolean found = false;
            for (Anomaly a : result.anomalies()) {
                boolean hit = !a.date().isBefore(start) && !a.date().isAfter(last);
                found |= hit;
                truePositives += hit ? 1 : 0;
                if (!hit) {
                    falseByMetric.merge(a.metric().wireName() + "/" + a.kind().wireName(), 1, Integer::sum);
                    LocalDate end = AnomalySeries.FIRST_DAY.plusDays(c.end());
                    String when = a.date().isBefore(start) ? "before" : a.date().isAfter(end) ? "after" : "late";
                    falseBreakdown.merge(
                            c.injected().label() + " @ " + when + " @ "
                                    + a.metric().wireName() + "/" + a.kind().wireName(),
                            1,
                            Integer::sum);
                }
            }
            if (c.injected() == AnomalySeries.Injected.CONVERSION_COLLAPSE) {
                oracleSum += oracleCollapseDetection(
                        c.expectedConversions(), 0.05, settings.sensitivity().single());
                oracleCount++;
            }
            if (c.injected() == AnomalySeries.Injected.CVR_DROP) {
                // the same closed form on the 3 days' summed conversions (3μ expected, a quarter of them seen)
                cvrOracleSum += oracleCollapseDetection(
                        3 * c.expectedConversions(),
                        0.25,
                        settings.sensitivity().shift());
                cvrOracleCount++;
            }
            int[] k = counts.get(c.injected());
            k[0]++;
            k[1] += found ? 1 : 0;
            if (c.lowVolume()) {
                k[2]++;
                k[3] += found ? 1 : 0;
            }
            if (c.expectedConversions() >= RICH_CONVERSIONS) {
                k[4]++;
                k[5] += found ? 1 : 0;
            }
        }
        List<KindRecall> kinds = new ArrayList<>();
        int injected = 0;
        int found = 0;
        for (var e : counts.entrySet()) {
            int[] k = e.getValue();
            kinds.add(new KindRecall(e.getKey(), k[0], k[1], k[2], k[3], k[4], k[5]));
            injected += k[0];
            found += k[1];
        }
        return new Report(
                settings,
                kinds,
                injected,
                found,
                anomalies,
                truePositives,
                falseClean,
                cleanDays,
                falseByMetric,
                falseBreakdown,
                oracleCount == 0 ? Double.NaN : oracleSum / oracleCount,
                cvrOracleCount == 0 ? Double.NaN : cvrOracleSum / cvrOracleCount);
    }

    /**
     * Probability that a one-day collapse of conversions to {@code share} of their expected count μ is flagged by
     * an oracle that knows μ exactly (no wobble, no estimation): the day's count Y ~ Poisson(share·μ) is flagged
     * when its mid-p lower tail under Poisson(μ), P(Y' &lt; y) + ½P(Y' = y), is at most Φ(−z). No detector that
     * estimates μ from past days can do better at the same one-day threshold, so this bounds the recall a kind can
     * reach on low-volume ad sets (μ of a few conversions a day: ½e^{−μ} &gt; Φ(−3.5) for μ &lt; 7.7, never
     * flagged).
     *
     * @param mu    expected conversions of the day, &ge; 0
     * @param share the collapsed share of μ, in [0, 1]
     * @param z     one-day normal score threshold, &gt; 0
     */
    static double oracleCollapseDetection(double mu, double share, double z) {
        double alpha = Distributions.normalCdf(-z);
        // largest k whose mid-p lower tail under Poisson(μ) is at most α
        double pmf = Math.exp(-mu);
        double below = 0;
        long k = -1;
        for (long y = 0; y <= 10 * mu + 10; y++) {
            if (below + pmf / 2 > alpha) {
                break;
            }
            k = y;
            below += pmf;
            pmf *= mu / (y + 1);
        }
        if (k < 0) {
            return 0;
        }
        double lambda = share * mu;
        double q = Math.exp(-lambda);
        double atMost = 0;
        for (long y = 0; y <= k; y++) {
            atMost += q;
            q *= lambda / (y + 1);
        }
        return Math.min(1, atMost);
    }
}
