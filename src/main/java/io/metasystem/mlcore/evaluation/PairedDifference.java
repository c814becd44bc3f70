package io.metasystem.mlcore.evaluation;

import org.hipparchus.distribution.continuous.TDistribution;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paired difference of a per-scenario score (a − b over the same scenarios): mean, a paired-t 95 % interval and a
 * percentile-bootstrap 95 % interval of the mean ({@value #RESAMPLES} resamples of scenarios, seeded), and how many
 * scenarios a won, lost or tied (|d| &lt; 1e-9).
 */
public record PairedDifference(
        int n,
        double mean,
        double sd,
        double tLow,
        double tHigh,
        double bootLow,
        double bootHigh,
        int wins,
        int losses,
        int ties) {
    static final int RESAMPLES = 10_000;

    /** @throws IllegalArgumentException if lengths differ or fewer than 2 pairs */
    public static PairedDifference of(double[] a, double[] b, long seed) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException(
                    "need two arrays of equal length >= 2, were " + a.length + ", " + b.length);
        }
        int n = a.length;
        double[] d = new double[n];
        double mean = 0;
        int wins = 0;
        int losses = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            mean += d[i] / n;
            if (d[i] > 1e-9) {
                wins++;
            } else if (d[i] < -1e-9) {
                losses++;
            }
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[rng.nextInt(n)];
            }
            means[r] = s / n;
        }
        Arrays.sort(means);
        return new PairedDifference(
                n,
                mean,
                sd,
                mean - half,
                mean + half,
                means[(int) (0.025 * RESAMPLES)],
                means[(int) (0.975 * RESAMPLES) - 1],
                wins,
                losses,
                n - wins - losses);
    }

    /**
     * The figures in {@code format} (root locale), in this order: mean, paired-t low and high, bootstrap low and
     * high, wins, losses, ties (a format may leave the last ones out).
     */
    public String format(String format) {
        return String.format(Locale.ROOT, format, mean, tLow, tHigh, bootLow, bootHigh, wins, losses, ties);
    }

    /** True when both 95 % intervals lie above 0. */
    public boolean significantlyPositive() {
        return tLow > 0 && bootLow > 0;
    }
}
