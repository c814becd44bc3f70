package io.metasystem.mlcore.optimizer;

/**
 * Estimates the saturation exponent θ of the power response curve E[conv(b)] = κ·r·(b/r)^θ from an ad set's own
 * day-to-day spend variation, then shrinks it toward a pooled θ.
 *
 * <p><b>Own estimate.</b> With daily conversions c_d ~ Poisson(κ·r·(s_d/r)^θ) and decay weights w_d, κ profiles out
 * (κ̂(θ) = Σw c / Σw e(θ)) and the weighted profile log-likelihood in θ is
 * ℓ(θ) = Σ w_d c_d·θ·u_d − C·log Σ w_d e^{θ u_d} + const, with u_d = log(s_d/r) and C = Σ w c.
 * It is concave; its score is U(θ) = Σ w c u − C·ū_θ and its observed information
 * I(θ) = C·Var_θ(u), where ū_θ and Var_θ are the mean and variance of u under weights w_d·e^{θ u_d}.
 * So the information is literally "conversions × spend variation". We run Newton from the default with the step
 * clamped to ±0.5 and θ kept in [0, 2], at most {@link #MAX_ITERATIONS} steps, stopping when |step| &lt; 10⁻⁵.
 *
 * <p><b>Pooling and shrinkage</b> (normal approximation of the likelihood, as in Gelman et al., BDA3 §5.4):
 * θ_pool = (Σ_i I_i θ̂_i + W_0·θ_default)/(Σ_i I_i + W_0) and θ_i = (I_i θ̂_i + P·θ_pool)/(I_i + P), clamped to
 * [θ_min, θ_max] so that every curve is strictly concave. P = 1/σ_θ² is the precision of the pooled prior.
 */
final class SaturationEstimator {
    static final int MAX_ITERATIONS = 20;

    private SaturationEstimator() {
    }

    /** Unshrunk maximum-likelihood θ̂ and its observed information I (0 when θ is not identified). */
    record Fit(double theta, double information) {
    }

    /**
     * @param u       log(spend_d / r) for the days with spend &gt; 0
     * @param c       conversions of those days
     * @param w       decay weights of those days
     * @param n       number of days used
     * @param start   starting θ (the default)
     */
    static Fit fit(double[] u, double[] c, double[] w, int n, double start) {
        double cTot = 0;
        double cu = 0;
        for (int d = 0; d < n; d++) {
            cTot += w[d] * c[d];
            cu += w[d] * c[d] * u[d];
        }
        if (n < 2 || cTot <= 0) {
            return new Fit(start, 0.0);
        }
        double theta = start;
        double info = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            for (int d = 0; d < n; d++) {
                double e = w[d] * Math.exp(theta * u[d]);
                s0 += e;
                s1 += e * u[d];
                s2 += e * u[d] * u[d];
            }
            double mean = s1 / s0;
            double var = Math.max(0.0, s2 / s0 - mean * mean);
            info = cTot * var;
            if (info < 1e-9) {
                return new Fit(start, 0.0);
            }
            double step = (cu - cTot * mean) / info;
            step = Math.max(-0.5, Math.min(0.5, step));
            double next = Math.max(0.0, Math.min(2.0, theta + step));
            boolean done = Math.abs(next - theta) < 1e-5;
            theta = next;
            if (done) {
                break;
            }
        }
        return new Fit(theta, info);
    }

    /** Precision-weighted pooled θ: the default counts as {@code defaultWeight} units of information. */
    static double pool(double[] thetas, double[] infos, int n, double defaultTheta, double defaultWeight) {
        double num = defaultWeight * defaultTheta;
        double den = defaultWeight;
        for (int i = 0; i < n; i++) {
            num += infos[i] * thetas[i];
            den += infos[i];
        }
        return num / den;
    }

    /** θ_i = (I θ̂ + P θ_pool)/(I + P), clamped to [min, max]. */
    static double shrink(Fit fit, double pooled, double priorPrecision, double min, double max) {
        double t = (fit.information() * fit.theta() + priorPrecision * pooled) / (fit.information() + priorPrecision);
        return Math.max(min, Math.min(max, t));
    }
}
