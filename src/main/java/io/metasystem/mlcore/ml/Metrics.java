package io.metasystem.mlcore.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Held-out metrics of count predictions. Pure functions of (observed, predicted) arrays. */
public final class Metrics {
    /** Bounds of the prior weight in pseudo-conversions (the optimizer's own α₀ floor is 2, mandate §4). */
    public static final double MIN_WEIGHT = 1;

    public static final double MAX_WEIGHT = 200;

    private Metrics() {}

    /** One calibration bin: sums of predicted and observed conversions over {@code n} units. */
    public record Decile(int decile, int n, double predicted, double observed) {}

    /**
     * Mean Poisson deviance {@code 2/N Σ [c ln(c/μ) − (c − μ)]} (the c = 0 term is 2μ).
     *
     * @throws IllegalArgumentException if lengths differ or a prediction is not positive
     */
    public static double poissonDeviance(double[] observed, double[] predicted) {
        check(observed, predicted);
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double c = observed[i];
            double mu = predicted[i];
            sum += 2 * ((c > 0 ? c * Math.log(c / mu) : 0) - (c - mu));
        }
        return observed.length == 0 ? Double.NaN : sum / observed.length;
    }

    /**
     * Mean absolute error of CPA on units with at least {@code minConversions} conversions: predicted CPA =
     * spend/μ, observed = spend/c. Returns {@code [mae, units]}.
     */
    public static double[] cpaMae(double[] spend, double[] observed, double[] predicted, double minConversions) {
        check(observed, predicted);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] >= minConversions && observed[i] > 0) {
                sum += Math.abs(spend[i] / predicted[i] - spend[i] / observed[i]);
                n++;
            }
        }
        return new double[] {n == 0 ? Double.NaN : sum / n, n};
    }

    /** Units sorted by prediction and cut into ten bins of (almost) equal count. */
    public static List<Decile> calibration(double[] observed, double[] predicted) {
        check(observed, predicted);
        Integer[] order = IntStream.range(0, observed.length).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.<Integer>comparingDouble(i -> predicted[i]).thenComparingInt(i -> i));
        List<Decile> out = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) observed.length * d / 10);
            int to = (int) ((long) observed.length * (d + 1) / 10);
            double p = 0;
            double o = 0;
            for (int k = from; k < to; k++) {
                p += predicted[order[k]];
                o += observed[order[k]];
            }
            out.add(new Decile(d + 1, to - from, p, o));
        }
        return out;
    }

    /**
     * Method-of-moments overdispersion of held-out units: if the true rate is the predicted rate times a mean-one
     * Gamma factor with variance V, then {@code E[(C − n)²/n] = 1 + nV}, so
     * {@code V = (Σ (C_i − n_i)²/n_i − N) / Σ n_i} (0 when negative).
     */
    public static double overdispersion(double[] observed, double[] predicted) {
        check(observed, predicted);
        double pearson = 0;
        double sumN = 0;
        int count = 0;
        for (int i = 0; i < observed.length; i++) {
            if (predicted[i] > 0) {
                double d = observed[i] - predicted[i];
                pearson += d * d / predicted[i];
                sumN += predicted[i];
                count++;
            }
        }
        return sumN > 0 ? Math.max(0, (pearson - count) / sumN) : Double.NaN;
    }

    /**
     * Prior weight in pseudo-conversions from the held-out overdispersion: a Gamma(k, k/m) prior has relative variance
     * 1/k, so {@code weight = 1/V}, clamped to [{@value #MIN_WEIGHT}, {@value #MAX_WEIGHT}].
     */
    public static double weightFromOverdispersion(double v) {
        if (Double.isNaN(v)) {
            return MIN_WEIGHT;
        }
        return v <= 0 ? MAX_WEIGHT : Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, 1 / v));
    }

    private static void check(double[] observed, double[] predicted) {
        if (observed.length != predicted.length) {
            throw new IllegalArgumentException(
                    "observed and predicted differ in length: " + observed.length + " vs " + predicted.length);
        }
        for (double p : predicted) {
            if (!(p > 0)) {
                throw new IllegalArgumentException("predicted must be > 0, was " + p);
            }
        }
    }

    static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }

    static double[] unbox(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
