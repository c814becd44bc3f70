package io.metasystem.mlcore.simulation;

/**
 * The account's budget rules in a scenario, the same as {@link io.metasystem.mlcore.optimizer.BudgetRules}
 * without exploration. Currency per day.
 *
 * @param total          daily budget to distribute, &gt; 0
 * @param minPerAdSet    floor for every funded ad set, &ge; 0
 * @param maxPerAdSet    ceiling for every ad set, nullable (none)
 * @param maxChangeRatio largest relative change of a funded ad set's budget from yesterday, nullable (none)
 * @param targetCpa      the advertiser's target cost per conversion, &gt; 0
 */
public record BudgetConstraints(
        double total, double minPerAdSet, Double maxPerAdSet, Double maxChangeRatio, double targetCpa) {
    public BudgetConstraints {
        if (!(total > 0)) {
            throw new IllegalArgumentException("total must be > 0, was " + total);
        }
        if (!(minPerAdSet >= 0)) {
            throw new IllegalArgumentException("minPerAdSet must be >= 0, was " + minPerAdSet);
        }
        if (maxPerAdSet != null && !(maxPerAdSet > 0 && maxPerAdSet >= minPerAdSet)) {
            throw new IllegalArgumentException("maxPerAdSet must be >= minPerAdSet, was " + maxPerAdSet);
        }
        if (maxChangeRatio != null && !(maxChangeRatio >= 0)) {
            throw new IllegalArgumentException("maxChangeRatio must be >= 0, was " + maxChangeRatio);
        }
        if (!(targetCpa > 0)) {
            throw new IllegalArgumentException("targetCpa must be > 0, was " + targetCpa);
        }
    }

    /** Ceiling, +∞ when none. */
    public double max() {
        return maxPerAdSet == null ? Double.POSITIVE_INFINITY : maxPerAdSet;
    }

    /**
     * Per-ad-set bounds for today's funded ad sets: [min, max] intersected with the change cap around
     * {@code previous[i]} when it is &gt; 0 (new or re-funded ad sets are not capped). When the caps cannot all
     * hold together with the total (Σ lower &gt; total or Σ upper &lt; total) they are dropped and
     * {@link Box#capsRelaxed()} is true.
     *
     * @param previous yesterday's budgets (0 or NaN when new)
     * @param funded   which ad sets may be funded today; the others get [0, 0]
     */
    public Box box(double[] previous, boolean[] funded) {
        int n = previous.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] loPlain = new double[n];
        double[] hiPlain = new double[n];
        double sumLo = 0;
        double sumHi = 0;
        for (int i = 0; i < n; i++) {
            if (!funded[i]) {
                continue;
            }
            loPlain[i] = minPerAdSet;
            hiPlain[i] = max();
            lo[i] = minPerAdSet;
            hi[i] = max();
            double p = previous[i];
            if (maxChangeRatio != null && p > 0) {
                lo[i] = Math.max(lo[i], p * (1 - maxChangeRatio));
                hi[i] = Math.min(hi[i], p * (1 + maxChangeRatio));
                if (hi[i] < lo[i]) {
                    // the cap and [min, max] do not intersect: stay at the nearest bound
                    double v = hi[i] < minPerAdSet ? minPerAdSet : max();
                    lo[i] = v;
                    hi[i] = v;
                }
            }
            sumLo += lo[i];
            sumHi += hi[i];
        }
        boolean relaxed = sumLo > total + 1e-9 || sumHi < total - 1e-9;
        return relaxed ? new Box(loPlain, hiPlain, true) : new Box(lo, hi, false);
    }

    /** Lower and upper bounds per ad set (currency per day). */
    public record Box(double[] lower, double[] upper, boolean capsRelaxed) {
        public double sumLower() {
            double s = 0;
            for (double v : lower) {
                s += v;
            }
            return s;
        }

        public double sumUpper() {
            double s = 0;
            for (double v : upper) {
                s += v;
            }
            return s;
        }
    }
}
