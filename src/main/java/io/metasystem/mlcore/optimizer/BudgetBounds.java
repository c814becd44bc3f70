package io.metasystem.mlcore.optimizer;

import java.util.Locale;

/**
 * Per-ad-set bounds [lo_i, hi_i] and the feasibility of Σ b_i = total (mandate §5): min/max_per_adset intersected
 * with the change-cap window around the current budget (min/max win when they conflict), and a typed
 * {@link InfeasibleBudgetException} naming the binding rule and the shortfall when no allocation can satisfy them.
 */
final class BudgetBounds {
    private static final double EPS = 1e-9;

    private BudgetBounds() {}

    /** Rejects min_per_adset &gt; max_per_adset before anything else is computed. */
    static void validateRules(BudgetRules br) {
        if (br.maxPerAdSet() != null && br.minPerAdSet() > br.maxPerAdSet() + EPS) {
            throw new InfeasibleBudgetException(
                    "budget.min_per_adset",
                    br.minPerAdSet() - br.maxPerAdSet(),
                    String.format(
                            Locale.ROOT,
                            "min_per_adset %.2f exceeds max_per_adset %.2f by %.2f",
                            br.minPerAdSet(),
                            br.maxPerAdSet(),
                            br.minPerAdSet() - br.maxPerAdSet()));
        }
    }

    static void compute(RunContext ctx, AdSetState[] arms) {
        OptimizationProblem p = ctx.p;
        double total = ctx.total;
        BudgetRules br = p.budget();
        double min = br.minPerAdSet();
        Double max = br.maxPerAdSet();
        Double ratio = br.maxChangeRatio();
        int callerActive = 0;
        double sumLo = 0;
        double sumHi = 0;
        for (AdSetState a : arms) {
            if (a.callerPaused) {
                a.lo = 0;
                a.hi = 0;
                continue;
            }
            callerActive++;
            a.lo = min;
            a.loSrc = AdSetState.BoundSource.MIN;
            a.hi = max != null ? max : Double.POSITIVE_INFINITY;
            a.hiSrc = max != null ? AdSetState.BoundSource.MAX : AdSetState.BoundSource.NONE;
            if (ratio != null && a.current != null) {
                double cl = Math.max(0.0, a.current * (1 - ratio));
                double ch = a.current * (1 + ratio);
                if (cl > a.lo) {
                    a.lo = cl;
                    a.loSrc = AdSetState.BoundSource.RATIO;
                }
                if (ch < a.hi) {
                    a.hi = ch;
                    a.hiSrc = AdSetState.BoundSource.RATIO;
                }
                if (a.lo > a.hi) {
                    a.boundConflict = true;
                    if (max != null && cl > max) {
                        a.lo = max;
                        a.hi = max;
                        a.loSrc = AdSetState.BoundSource.MAX;
                        a.hiSrc = AdSetState.BoundSource.MAX;
                    } else {
                        a.lo = min;
                        a.hi = min;
                        a.loSrc = AdSetState.BoundSource.MIN;
                        a.hiSrc = AdSetState.BoundSource.MIN;
                    }
                }
            }
            if (a.in.locked()) {
                a.lo = a.in.currentBudget();
                a.hi = a.lo;
                a.loSrc = AdSetState.BoundSource.LOCKED;
                a.hiSrc = AdSetState.BoundSource.LOCKED;
                a.boundConflict = false;
            }
            sumLo += a.lo;
            sumHi += a.hi;
        }
        if (callerActive == 0) {
            return;
        }
        double tol = 1e-9 * total + 1e-9;
        if (sumLo > total + tol) {
            double minNeed = min * callerActive;
            if (minNeed > total + tol) {
                throw new InfeasibleBudgetException(
                        "budget.min_per_adset",
                        minNeed - total,
                        String.format(
                                Locale.ROOT,
                                "%d ad sets × min_per_adset %.2f = %.2f exceeds the total %.2f by %.2f",
                                callerActive,
                                min,
                                minNeed,
                                total,
                                minNeed - total));
            }
            if (ratio == null) {
                throw lockedInfeasible(sumLo, total);
            }
            throw new InfeasibleBudgetException(
                    "budget.max_change_ratio",
                    sumLo - total,
                    String.format(
                            Locale.ROOT,
                            "budgets may fall at most %.2f %% from current: the floors sum to %.2f, "
                                    + "above the total %.2f by %.2f",
                            100 * ratio,
                            sumLo,
                            total,
                            sumLo - total));
        }
        if (sumHi < total - tol) {
            if (max != null && max * callerActive < total - tol) {
                double gap = total - max * callerActive;
                throw new InfeasibleBudgetException(
                        "budget.max_per_adset",
                        gap,
                        String.format(
                                Locale.ROOT,
                                "%d ad sets × max_per_adset %.2f = %.2f cannot absorb the total %.2f (short by %.2f)",
                                callerActive,
                                max,
                                max * callerActive,
                                total,
                                gap));
            }
            if (ratio == null) {
                throw lockedInfeasible(sumHi, total);
            }
            throw new InfeasibleBudgetException(
                    "budget.max_change_ratio",
                    total - sumHi,
                    String.format(
                            Locale.ROOT,
                            "budgets may rise at most %.2f %% from current: the ceilings sum to "
                                    + "%.2f, below the total %.2f by %.2f",
                            100 * ratio,
                            sumHi,
                            total,
                            total - sumHi));
        }
        for (AdSetState a : arms) {
            if (a.boundConflict) {
                ctx.warnings.add(String.format(
                        Locale.ROOT,
                        "%s: max_change_ratio conflicts with min/max_per_adset; moved to %.2f",
                        a.in.id(),
                        a.lo));
            }
        }
    }

    /** Locked ad sets (and min/max) leave the other bounds unable to sum to the total. */
    private static InfeasibleBudgetException lockedInfeasible(double bound, double total) {
        return new InfeasibleBudgetException(
                "adsets.locked",
                Math.abs(bound - total),
                String.format(
                        Locale.ROOT,
                        "with the locked budgets the bounds sum to %.2f, not the total %.2f (off by %.2f)",
                        bound,
                        total,
                        Math.abs(bound - total)));
    }
}
