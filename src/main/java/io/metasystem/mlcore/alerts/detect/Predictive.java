package io.metasystem.mlcore.alerts.detect;

import io.metasystem.mlcore.optimizer.Distributions;
import org.hipparchus.special.Beta;

/**
 * Posterior-predictive distributions of one day's count and their tails.
 * <ul>
 *   <li>Beta–Binomial: y successes out of n trials when the day's rate p ~ Beta(a, b) (CTR: clicks of impressions,
 *       CVR: conversions of clicks). Exact, by summing the pmf from its mode with the ratio
 *       P(k+1)/P(k) = (n−k)(k+a) / ((k+1)(n−k−1+b)), for n &le; {@value #EXACT_TRIALS}; above that the
 *       Gamma–Poisson limit (rate ≪ 1, n large) with the same mean and coefficient of variation.</li>
 *   <li>Gamma–Poisson (negative binomial): y ~ Poisson(λ·e) when the rate λ ~ Gamma(shape, shape/μ) per unit of
 *       exposure e; P(Y &le; k) = I_q(shape, k + 1) with q = shape / (shape + μ·e) (regularised incomplete Beta).</li>
 * </ul>
 * Tails are mid-p (half the probability of the observed value counts on each side), so a discrete predictive is not
 * conservative; the normal score of the tail is clipped to ±{@value #MAX_Z}.
 */
final class Predictive {
    static final int EXACT_TRIALS = 5_000;
    static final double MAX_Z = 8.0;
    private static final double CUTOFF = 1e-17;

    private Predictive() {}

    /**
     * Tails of one observation.
     *
     * @param below mid-p lower tail P(Y &lt; y) + ½P(Y = y)
     * @param above mid-p upper tail P(Y &gt; y) + ½P(Y = y)
     * @param lo    lower end of the central interval (count)
     * @param hi    upper end of the central interval (count)
     * @param mean  predictive mean (count)
     */
    record Tail(double below, double above, double lo, double hi, double mean) {
        /** Signed normal score: positive when y is high. */
        double z() {
            double z = above < below
                    ? -Distributions.normalQuantile(Math.max(above, 1e-300))
                    : Distributions.normalQuantile(Math.max(below, 1e-300));
            return Math.max(-MAX_Z, Math.min(MAX_Z, z));
        }

        /** The smaller one-sided tail. */
        double score() {
            return Math.max(0.0, Math.min(below, above));
        }
    }

    /**
     * Beta–Binomial(n, a, b) tails of y.
     *
     * @param n     trials, &ge; 0
     * @param a     Beta shape of successes, &gt; 0
     * @param b     Beta shape of failures, &gt; 0
     * @param y     observed successes, 0 &le; y &le; n
     * @param level central interval coverage in (0, 1)
     */
    static Tail betaBinomial(long n, double a, double b, long y, double level) {
        if (n > EXACT_TRIALS) {
            double mean = a / (a + b);
            // Var(p)/mean² of the Beta, the coefficient of variation its Gamma limit keeps
            double cv2 = b / (a * (a + b + 1));
            return negativeBinomial(1.0 / cv2, n * mean, y, level);
        }
        int size = (int) n + 1;
        double[] pmf = new double[size];
        int mode = (int) Math.max(0, Math.min(n, Math.round(n * a / (a + b))));
        pmf[mode] = 1.0;
        double total = 1.0;
        double term = 1.0;
        for (int k = mode; k < n; k++) {
            term *= (double) (n - k) * (k + a) / ((k + 1.0) * (n - k - 1.0 + b));
            pmf[k + 1] = term;
            total += term;
            if (term < CUTOFF * total && k > mode) {
                break;
            }
        }
        term = 1.0;
        for (int k = mode; k > 0; k--) {
            // P(k−1) = P(k) / ratio(k−1)
            term /= (double) (n - k + 1) * (k - 1 + a) / (k * (n - k + b));
            pmf[k - 1] = term;
            total += term;
            if (term < CUTOFF * total) {
                break;
            }
        }
        double below = 0;
        for (int k = 0; k < y && k < size; k++) {
            below += pmf[k];
        }
        double at = y < size ? pmf[(int) y] : 0;
        double above = total - below - at;
        double tailMass = (1 - level) / 2;
        double cumulative = 0;
        int lo = -1;
        int hi = (int) n;
        for (int k = 0; k < size; k++) {
            cumulative += pmf[k] / total;
            if (lo < 0 && cumulative >= tailMass) {
                lo = k;
            }
            if (cumulative >= 1 - tailMass) {
                hi = k;
                break;
            }
        }
        return new Tail((below + at / 2) / total, (above + at / 2) / total, Math.max(lo, 0), hi, n * a / (a + b));
    }

    /**
     * Gamma–Poisson tails of y when the expected count is {@code mean} with Gamma shape {@code shape}
     * (coefficient of variation 1/√shape of the day's rate).
     *
     * @param shape Gamma shape, &gt; 0
     * @param mean  expected count, &gt; 0
     * @param y     observed count, &ge; 0
     * @param level central interval coverage in (0, 1)
     */
    static Tail negativeBinomial(double shape, double mean, long y, double level) {
        double q = shape / (shape + mean);
        double atMost = cdf(shape, q, y);
        double below = y == 0 ? 0.0 : cdf(shape, q, y - 1);
        double at = Math.max(0, atMost - below);
        double above = Math.max(0, 1 - atMost);
        double tailMass = (1 - level) / 2;
        return new Tail(
                below + at / 2,
                above + at / 2,
                quantile(shape, q, mean, tailMass),
                quantile(shape, q, mean, 1 - tailMass),
                mean);
    }

    /** P(Y &le; k) of the negative binomial with r = shape, success probability q. */
    private static double cdf(double shape, double q, long k) {
        if (k < 0) {
            return 0.0;
        }
        double v = Beta.regularizedBeta(q, shape, k + 1.0, 1e-14, 10_000);
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0.5;
    }

    /** Smallest k with P(Y &le; k) &ge; p, by bisection (at most 64 steps). */
    private static long quantile(double shape, double q, double mean, double p) {
        double sd = Math.sqrt(mean + mean * mean / shape);
        long lo = 0;
        long hi = (long) Math.ceil(mean + 40 * sd + 10);
        for (int i = 0; i < 64 && lo < hi; i++) {
            long mid = (lo + hi) >>> 1;
            if (cdf(shape, q, mid) >= p) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Tails of a continuous observation x under a normal with {@code center} and {@code scale} (the robust z of a
     * log value); the interval is center ± z·scale.
     */
    static Tail normal(double x, double center, double scale, double level) {
        double z = (x - center) / scale;
        double zq = Distributions.normalQuantile(1 - (1 - level) / 2);
        return new Tail(
                Distributions.normalCdf(z),
                Distributions.normalCdf(-z),
                center - zq * scale,
                center + zq * scale,
                center);
    }
}
