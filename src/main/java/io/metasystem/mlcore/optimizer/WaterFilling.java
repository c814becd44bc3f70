package io.metasystem.mlcore.optimizer;

/**
 * Exact allocation of a budget over concave power curves v_i(b) = a_i·b^θ_i (a_i &ge; 0, 0 &lt; θ_i &lt; 1) under box
 * constraints lo_i &le; b_i &le; hi_i and Σ b_i = total, by equalising marginal value (KKT conditions of a concave
 * separable program, Boyd &amp; Vandenberghe 2004, §5.5 "water-filling").
 *
 * <p>For a multiplier ν &gt; 0 each b_i(ν) is the clamp to [lo_i, hi_i] of the inverse marginal
 * (a_i θ_i / ν)^{1/(1−θ_i)}; the sum S(ν) is continuous and non-increasing, so the root of S(ν) = total is found
 * by a safeguarded Newton iteration on t = log ν inside a bisection bracket (every step that leaves the bracket
 * or fails to shrink it enough is replaced by bisection). Tolerance: |S − total| &le; {@link #REL_TOL}·total;
 * iteration cap {@link #MAX_ITERATIONS}; the final residual (at most the tolerance) is spread over the unclamped
 * ad sets proportionally to their room. Cost O(n) per iteration, O(n log 1/ε) overall.
 *
 * <p>Coefficients a_i equal to 0 are replaced by 10⁻⁹·max a (all 1 if every a_i is 0), so an ad set worth
 * nothing is funded above its floor only when every other one is at its ceiling.
 */
final class WaterFilling {
    static final double REL_TOL = 1e-12;
    static final int MAX_ITERATIONS = 200;

    private WaterFilling() {}

    /**
     * @return budgets with Σ = total (to the tolerance) when Σlo &le; total &le; Σhi; the caller checks feasibility.
     *         When total &gt; Σhi every b_i = hi_i; when total &lt; Σlo every b_i = lo_i.
     */
    static double[] solve(double[] a, double[] theta, double[] lo, double[] hiIn, double total) {
        int n = a.length;
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            hi[i] = Math.max(lo[i], Math.min(hiIn[i], Math.max(total, lo[i])));
        }
        double[] b = new double[n];
        double sumLo = 0;
        double sumHi = 0;
        double maxA = 0;
        for (int i = 0; i < n; i++) {
            sumLo += lo[i];
            sumHi += hi[i];
            maxA = Math.max(maxA, a[i]);
        }
        if (total <= sumLo) {
            System.arraycopy(lo, 0, b, 0, n);
            return b;
        }
        if (total >= sumHi) {
            System.arraycopy(hi, 0, b, 0, n);
            return b;
        }
        // logK_i = log(a_i θ_i); b_i(t) = exp((logK_i − t)/(1 − θ_i))
        double[] logK = new double[n];
        double[] inv = new double[n];
        double floorA = maxA > 0 ? maxA * 1e-9 : 1.0;
        double tLow = Double.POSITIVE_INFINITY;
        double tHigh = Double.NEGATIVE_INFINITY;
        double tiny = total * 1e-12;
        for (int i = 0; i < n; i++) {
            double ai = maxA > 0 ? Math.max(a[i], floorA) : 1.0;
            logK[i] = Math.log(ai * theta[i]);
            inv[i] = 1.0 / (1.0 - theta[i]);
            if (hi[i] > lo[i]) {
                double top = Math.min(hi[i], total);
                double bottom = Math.max(lo[i], tiny);
                tLow = Math.min(tLow, logK[i] - (1 - theta[i]) * Math.log(top));
                tHigh = Math.max(tHigh, logK[i] - (1 - theta[i]) * Math.log(bottom));
            }
        }
        // at tLow every free ad set sits at min(hi, total) -> S >= total; at tHigh near lo -> S <= total (+tiny)
        double target = total;
        double tol = REL_TOL * total;
        double t = 0.5 * (tLow + tHigh);
        double fLow = excess(logK, inv, lo, hi, tLow, target, null);
        double fHigh = excess(logK, inv, lo, hi, tHigh, target, null);
        for (int k = 0; k < 60 && fLow < 0; k++) {
            tLow -= 10;
            fLow = excess(logK, inv, lo, hi, tLow, target, null);
        }
        for (int k = 0; k < 60 && fHigh > 0; k++) {
            tHigh += 10;
            fHigh = excess(logK, inv, lo, hi, tHigh, target, null);
        }
        double[] deriv = new double[1];
        double f = excess(logK, inv, lo, hi, t, target, deriv);
        for (int it = 0; it < MAX_ITERATIONS && Math.abs(f) > tol; it++) {
            if (f > 0) {
                tLow = t;
            } else {
                tHigh = t;
            }
            double next = Double.NaN;
            if (deriv[0] < 0) {
                next = t - f / deriv[0];
            }
            if (!(next > tLow && next < tHigh)) {
                next = 0.5 * (tLow + tHigh);
            }
            t = next;
            f = excess(logK, inv, lo, hi, t, target, deriv);
            if (tHigh - tLow < 1e-15 * Math.max(1.0, Math.abs(t))) {
                break;
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            b[i] = clamp(Math.exp((logK[i] - t) * inv[i]), lo[i], hi[i]);
            sum += b[i];
        }
        spreadResidual(b, lo, hi, total - sum);
        return b;
    }

    /** Σ b_i(t) − target, with d/dt in deriv[0] when deriv is not null. */
    private static double excess(
            double[] logK, double[] inv, double[] lo, double[] hi, double t, double target, double[] deriv) {
        double s = 0;
        double d = 0;
        for (int i = 0; i < logK.length; i++) {
            if (hi[i] <= lo[i]) {
                s += lo[i];
                continue;
            }
            double x = Math.exp((logK[i] - t) * inv[i]);
            if (x <= lo[i]) {
                s += lo[i];
            } else if (x >= hi[i]) {
                s += hi[i];
            } else {
                s += x;
                d -= x * inv[i];
            }
        }
        if (deriv != null) {
            deriv[0] = d;
        }
        return s - target;
    }

    /** Moves the residual onto ad sets with room, proportionally to that room. */
    static void spreadResidual(double[] b, double[] lo, double[] hi, double residual) {
        if (residual == 0) {
            return;
        }
        double room = 0;
        for (int i = 0; i < b.length; i++) {
            room += residual > 0 ? hi[i] - b[i] : b[i] - lo[i];
        }
        if (room <= 0) {
            return;
        }
        double frac = Math.min(1.0, Math.abs(residual) / room);
        for (int i = 0; i < b.length; i++) {
            double r = residual > 0 ? hi[i] - b[i] : b[i] - lo[i];
            b[i] = clamp(b[i] + Math.signum(residual) * frac * r, lo[i], hi[i]);
        }
    }

    static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** Σ a_i b_i^θ_i. */
    static double objective(double[] a, double[] theta, double[] b) {
        double v = 0;
        for (int i = 0; i < a.length; i++) {
            v += b[i] > 0 ? a[i] * Math.pow(b[i], theta[i]) : 0.0;
        }
        return v;
    }
}
