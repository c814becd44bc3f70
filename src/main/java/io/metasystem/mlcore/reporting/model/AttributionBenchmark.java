package io.metasystem.mlcore.reporting.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link DistributedLag} on {@link ArtistSimulator} artists: coverage of the 90 % intervals of the
 * incremental streams per unit of spend and of the decay half-life, median relative error of that effect, how often
 * an effect artist's interval excludes zero, and how often a no-effect artist's interval reaches zero.
 */
public final class AttributionBenchmark {
    private AttributionBenchmark() {}

    /**
     * @param artists artists per kind (effect, no effect)
     * @param days    days per artist
     * @param seed    first seed; artist i uses seed + i
     */
    public record Settings(int artists, int days, long seed) {
        public Settings {
            if (artists < 1 || days < 28) {
                throw new IllegalArgumentException("artists must be >= 1 and days >= 28");
            }
        }
    }

    /**
     * The measured figures, shares in [0, 1].
     *
     * @param betaCoverage        effect artists whose 90 % interval of β holds the true β
     * @param halfLifeCoverage    effect artists whose 90 % interval of the half-life holds the true one
     * @param medianRelativeError median of |posterior mean β − β| / β over effect artists
     * @param effectDetected      effect artists whose interval lies above zero
     * @param noEffectReachesZero no-effect artists whose interval holds zero
     */
    public record Report(
            Settings settings,
            double betaCoverage,
            double halfLifeCoverage,
            double medianRelativeError,
            double effectDetected,
            double noEffectReachesZero) {
        /** @return a Markdown table of the figures */
        public String markdown() {
            return String.format(
                    Locale.ROOT,
                    "| artists per kind | days | seed | coverage of 90%% interval (incremental streams per unit spend) "
                            + "| coverage of 90%% interval (half-life) | median relative error | effect artists "
                            + "whose interval excludes 0 | no-effect artists whose interval reaches 0 |%n"
                            + "|---|---|---|---|---|---|---|---|%n"
                            + "| %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    settings.artists(),
                    settings.days(),
                    settings.seed(),
                    betaCoverage,
                    halfLifeCoverage,
                    medianRelativeError,
                    effectDetected,
                    noEffectReachesZero);
        }
    }

    public static Report run(Settings settings) {
        int covered = 0;
        int halfCovered = 0;
        int detected = 0;
        List<Double> errors = new ArrayList<>();
        int zero = 0;
        for (int i = 0; i < settings.artists(); i++) {
            ArtistSimulator.Simulated effect =
                    ArtistSimulator.simulate(settings.seed() + 2L * i, settings.days(), false);
            LagResult fit = DistributedLag.fit(effect.input());
            Estimate b = fit.incrementalPerUnitSpend();
            covered += b.covers(effect.trueBeta()) ? 1 : 0;
            halfCovered += fit.decayHalfLifeDays().covers(Adstock.halfLifeDays(effect.trueLambda())) ? 1 : 0;
            detected += b.lower() > 0 ? 1 : 0;
            errors.add(Math.abs(b.mean() - effect.trueBeta()) / effect.trueBeta());
            ArtistSimulator.Simulated none =
                    ArtistSimulator.simulate(settings.seed() + 2L * i + 1, settings.days(), true);
            zero += DistributedLag.fit(none.input()).incrementalPerUnitSpend().covers(0) ? 1 : 0;
        }
        double[] sorted =
                errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double n = settings.artists();
        return new Report(settings, covered / n, halfCovered / n, median, detected / n, zero / n);
    }
}
