package io.metasystem.mlcore.simulation;

/**
 * Budget-splitting numerics shared by the policies and the scorer. All arrays are per ad set, money in
 * currency per day. Bounds with {@code lower[i] = upper[i] = 0} exclude an ad set.
 */
public final class Allocations {
    private static final int OUTER_ITERATIONS = 200;
    private static final int INNER_ITERATIONS = 100;

    private Allocations() {}

    /**
     * Splits {@code total} in proportion to {@code weights} as far as the bounds allow: {@code b_i =
     * clamp(λ·w_i, lower_i, upper_i)} with λ found by bisection; budget that the weighted ad sets cannot absorb
     * (all at their upper bound) is then spread additively over the others. All-zero weights mean equal weights.
     * When the bounds cannot reach the total, returns the nearest bound vector.
     */
    public static double[] fit(double[] weights, double[] lower, double[] upper, double total) {
        int n = weights.length;
        double sumLo = sum(lower);
        double sumHi = sum(upper);
        if (sumLo >= total) {
            return lower.clone();
        }
        if (sumHi <= total) {
            return upper.clone();
        }
        double[] w = new double[n];
        double sw = 0;
        for (int i = 0; i < n; i++) {
            w[i] = upper[i] > 0 && weights[i] > 0 && Double.isFinite(weights[i]) ? weights[i] : 0;
            sw += w[i];
        }
        if (sw == 0) {
            for (int i = 0; i < n; i++) {
                w[i] = upper[i] > 0 ? 1 : 0;
            }
            sw = sum(w);
        }
        double[] b = new double[n];
        // multiplicative stage
        double reach = 0;
        for (int i = 0; i < n; i++) {
            reach += w[i] > 0 ? upper[i] : lower[i];
        }
        double lo = 0;
        double hi = total / sw;
        if (reach > total) {
            while (scaled(w, lower, upper, hi, b) < total) {
                hi *= 2;
            }
            for (int it = 0; it < OUTER_ITERATIONS && hi - lo > 1e-15 * hi; it++) {
                double mid = 0.5 * (lo + hi);
                if (scaled(w, lower, upper, mid, b) < total) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        } else {
            hi = Double.MAX_VALUE;
        }
        scaled(w, lower, upper, hi, b);
        double s = sum(b);
        if (s < total) {
            // additive stage over ad sets with room left
            double mlo = 0;
            double mhi = total;
            double[] c = new double[n];
            for (int it = 0; it < OUTER_ITERATIONS && mhi - mlo > 1e-13 * total; it++) {
                double mid = 0.5 * (mlo + mhi);
                if (shifted(b, upper, mid, c) < total) {
                    mlo = mid;
                } else {
                    mhi = mid;
                }
            }
            shifted(b, upper, mhi, c);
            b = c;
        }
        return settle(b, lower, upper, total);
    }

    /**
     * Maximises Σ curve_i(b_i) subject to lower ≤ b ≤ upper and Σ b = total by water-filling on the marginal
     * value (KKT: equal slopes among interior ad sets), nested bisection with fixed iteration budgets.
     * Curves must be concave; when the bounds cannot reach the total, returns the nearest bound vector.
     */
    public static double[] waterFill(ConcaveCurve[] curves, double[] lower, double[] upper, double total) {
        int n = curves.length;
        if (sum(lower) >= total) {
            return lower.clone();
        }
        if (sum(upper) <= total) {
            return upper.clone();
        }
        double floor = total * 1e-12;
        double lamHi = 0;
        for (int i = 0; i < n; i++) {
            if (upper[i] > lower[i]) {
                double s = curves[i].slope(Math.max(lower[i], floor));
                lamHi = Math.max(lamHi, Double.isFinite(s) ? s : Double.MAX_VALUE / 4);
            }
        }
        if (!(lamHi > 0)) {
            return fit(new double[n], lower, upper, total);
        }
        double lamLo = lamHi * 1e-15;
        double[] b = new double[n];
        for (int it = 0; it < OUTER_ITERATIONS; it++) {
            double mid = Math.sqrt(lamLo * lamHi);
            if (demand(curves, lower, upper, mid, total, b) > total) {
                lamLo = mid;
            } else {
                lamHi = mid;
            }
            if (lamHi / lamLo < 1 + 1e-13) {
                break;
            }
        }
        demand(curves, lower, upper, lamHi, total, b);
        return settle(b, lower, upper, total);
    }

    /** Σ values. */
    public static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double demand(
            ConcaveCurve[] curves, double[] lower, double[] upper, double lambda, double total, double[] out) {
        double s = 0;
        for (int i = 0; i < curves.length; i++) {
            out[i] = argSlope(curves[i], lower[i], upper[i], lambda, total);
            s += out[i];
        }
        return s;
    }

    /** The budget in [lo, hi] where the slope crosses lambda. */
    private static double argSlope(ConcaveCurve c, double lo, double hi, double lambda, double total) {
        if (hi <= lo) {
            return lo;
        }
        if (c.slope(Math.max(lo, total * 1e-12)) <= lambda) {
            return lo;
        }
        double top = Math.min(hi, total);
        if (c.slope(top) >= lambda) {
            return top;
        }
        double a = lo;
        double z = top;
        for (int it = 0; it < INNER_ITERATIONS && z - a > 1e-12 * total; it++) {
            double m = 0.5 * (a + z);
            if (c.slope(m) > lambda) {
                a = m;
            } else {
                z = m;
            }
        }
        return 0.5 * (a + z);
    }

    private static double scaled(double[] w, double[] lower, double[] upper, double lambda, double[] out) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            out[i] = clamp(lambda * w[i], lower[i], upper[i]);
            s += out[i];
        }
        return s;
    }

    private static double shifted(double[] b, double[] upper, double mu, double[] out) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            out[i] = upper[i] > 0 ? Math.min(upper[i], b[i] + mu) : b[i];
            s += out[i];
        }
        return s;
    }

    /** Removes the last rounding residual so Σ b equals total exactly where bounds allow. */
    private static double[] settle(double[] b, double[] lower, double[] upper, double total) {
        for (int pass = 0; pass < 3; pass++) {
            double r = total - sum(b);
            if (Math.abs(r) < 1e-9 * Math.max(1, total)) {
                break;
            }
            for (int i = 0; i < b.length && Math.abs(r) > 0; i++) {
                double nb = clamp(b[i] + r, lower[i], upper[i]);
                r -= nb - b[i];
                b[i] = nb;
            }
        }
        return b;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
