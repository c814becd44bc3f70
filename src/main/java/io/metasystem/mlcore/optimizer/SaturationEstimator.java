package io.metasystem.mlcore.optimizer;

import java.util.Arrays;

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
 * The tilted sums are not recomputed with one exp per day and iteration: with x = u − ū, the moments
 * M_m = Σ w x^m e^{θc x} at a centre θc give s_k(θc + δ) as a Taylor series in δ (exact to rounding while
 * |δ|·max|x| ≤ 1, else the centre moves), so a fit costs about one exp per day instead of one per day and step.
 *
 * <p><b>Pooling and shrinkage</b> (normal approximation of the likelihood, as in Gelman et al., BDA3 §5.4):
 * θ_pool = (Σ_i I_i θ̂_i + W_0·θ_default)/(Σ_i I_i + W_0) and θ_i = (I_i θ̂_i + P·θ_pool)/(I_i + P), clamped to
 * [θ_min, θ_max] so that every curve is strictly concave. P = 1/σ_θ² is the precision of the pooled prior.
 */
final class SaturationEstimator {
    static final int MAX_ITERATIONS = 20;
    /** Terms of the Taylor series of e^{δx} used between re-centrings (see {@link #shiftedSums}). */
    private static final int SERIES_TERMS = 18;
    /** Largest |δ|·max|x| evaluated by the series; beyond it the moments are recomputed at the current θ. */
    private static final double SERIES_RADIUS = 1.0;
    /** 1/j for j = 0 … SERIES_TERMS (index 0 unused). */
    private static final double[] INVERSE = new double[SERIES_TERMS + 1];

    static {
        for (int j = 1; j <= SERIES_TERMS; j++) {
            INVERSE[j] = 1.0 / j;
        }
    }

    private SaturationEstimator() {}

    /** Unshrunk maximum-likelihood θ̂ and its observed information I (0 when θ is not identified). */
    record Fit(double theta, double information) {}

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
        double sw = 0;
        double swu = 0;
        for (int d = 0; d < n; d++) {
            cTot += w[d] * c[d];
            cu += w[d] * c[d] * u[d];
            sw += w[d];
            swu += w[d] * u[d];
        }
        if (n < 2 || cTot <= 0) {
            return new Fit(start, 0.0);
        }
        // centre u (score and information are shift-invariant) so that |δ·(u − ū)| stays small in the series
        double centre = swu / sw;
        double[] x = new double[n];
        double spread = 0;
        for (int d = 0; d < n; d++) {
            x[d] = u[d] - centre;
            spread = Math.max(spread, Math.abs(x[d]));
        }
        double cx = cu - cTot * centre;
        double[] moments = new double[SERIES_TERMS + 3];
        double thetaC = start;
        tiltedMoments(x, w, n, thetaC, moments);
        double theta = start;
        double info = 0;
        double[] s = new double[3];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double delta = theta - thetaC;
            if (Math.abs(delta) * spread > SERIES_RADIUS) {
                thetaC = theta;
                tiltedMoments(x, w, n, thetaC, moments);
                delta = 0;
            }
            shiftedSums(moments, delta, s);
            double mean = s[1] / s[0];
            double var = Math.max(0.0, s[2] / s[0] - mean * mean);
            info = cTot * var;
            if (info < 1e-9) {
                return new Fit(start, 0.0);
            }
            double step = (cx - cTot * mean) / info;
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

    /** M_m = Σ w_d x_d^m e^{θc x_d}, m = 0 … SERIES_TERMS + 2 (one exp per day). */
    private static void tiltedMoments(double[] x, double[] w, int n, double thetaC, double[] m) {
        Arrays.fill(m, 0.0);
        for (int d = 0; d < n; d++) {
            double g = w[d] * Math.exp(thetaC * x[d]);
            double xd = x[d];
            for (int k = 0; k < m.length; k++) {
                m[k] += g;
                g *= xd;
            }
        }
    }

    /**
     * s_k(θc + δ) = Σ_d w x^k e^{(θc+δ)x} = Σ_j δ^j/j!·M_{j+k} for k = 0, 1, 2 (Taylor series of e^{δx}, Horner
     * form; with |δ x| ≤ {@link #SERIES_RADIUS} the truncation error is below 1/(SERIES_TERMS+1)! ≈ 10⁻¹⁷).
     */
    private static void shiftedSums(double[] m, double delta, double[] s) {
        for (int k = 0; k < 3; k++) {
            double acc = m[SERIES_TERMS + k];
            for (int j = SERIES_TERMS - 1; j >= 0; j--) {
                acc = m[j + k] + acc * delta * INVERSE[j + 1];
            }
            s[k] = acc;
        }
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
