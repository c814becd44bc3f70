package io.metasystem.mlcore.alerts.detect;

import java.util.Arrays;

/** Median and MAD of small arrays (sorting copies; n is at most a few dozen). */
final class RobustStats {
    /** 1/Φ⁻¹(3/4): scales the MAD to the standard deviation of a normal. */
    static final double MAD_SCALE = 1.4826;

    private RobustStats() {}

    /** Median of the first {@code n} values; NaN when n is 0. */
    static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** MAD·1.4826 of the first {@code n} values around {@code center}; 0 when n is 0. */
    static double madSigma(double[] values, int n, double center) {
        if (n == 0) {
            return 0;
        }
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(values[i] - center);
        }
        return MAD_SCALE * median(deviations, n);
    }
}
