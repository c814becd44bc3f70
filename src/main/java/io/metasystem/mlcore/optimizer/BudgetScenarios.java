package io.metasystem.mlcore.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What-if questions answered by re-running {@link BudgetOptimizer} on variants of one problem (mandate §5.2, §5.3):
 * the account's response to other totals ({@link #sweep}) and a budget path over several days that respects the
 * change cap from day to day ({@link #plan}). Pure and deterministic: every run uses the problem's seed.
 */
public final class BudgetScenarios {
    /** Half-width of the finite difference of the marginal CPA, as a share of the total. */
    static final double MARGINAL_STEP = 0.01;

    private BudgetScenarios() {}

    /**
     * Expected conversions (90 % interval) and the marginal CPA of the whole account at each total, from the best
     * allocation without exploration ({@code exploration_share} 0), under the problem's other rules.
     *
     * @param optimizer the engine
     * @param problem   the problem whose total is varied
     * @param totals    totals to try, each &gt; 0 (currency per day)
     * @return one point per total, same order
     */
    public static List<SweepPoint> sweep(BudgetOptimizer optimizer, OptimizationProblem problem, List<Double> totals) {
        List<SweepPoint> out = new ArrayList<>(totals.size());
        for (double total : totals) {
            OptimizationResult at;
            try {
                at = optimizer.optimize(exploit(problem, total));
            } catch (InfeasibleBudgetException e) {
                out.add(new SweepPoint(total, false, null, null, null, null, null, e.getMessage()));
                continue;
            }
            double h = MARGINAL_STEP * total;
            Double up = conversions(optimizer, problem, total + h);
            Double down = conversions(optimizer, problem, total - h);
            double c = at.summary().expectedConversions();
            Double marginal = null;
            if (up != null && down != null) {
                marginal = ratio(2 * h, up - down);
            } else if (up != null) {
                marginal = ratio(h, up - c);
            } else if (down != null) {
                marginal = ratio(h, c - down);
            }
            out.add(new SweepPoint(
                    total,
                    true,
                    c,
                    at.summary().conversionsInterval(),
                    at.summary().expectedRevenue(),
                    at.summary().expectedCpa(),
                    marginal,
                    null));
        }
        return out;
    }

    /**
     * A budget path over {@code days} days: day 1 is {@code oneDay} (the answer to {@code problem}); each later day
     * is the Euclidean projection of the target allocation (the optimum of the problem without
     * {@code max_change_ratio}) onto {lo ≤ b ≤ hi, Σ b = day 1's total}, lo/hi being min/max_per_adset intersected
     * with the change cap around the previous day's budget, rounded to cents keeping the sum. Locked ad sets stay
     * at their budget, paused ones at 0. Each day's expected conversions come from the optimizer with every ad set
     * locked at that day's budget (today's posteriors: the plan does not anticipate what the days will teach).
     *
     * @param optimizer the engine
     * @param problem   the problem solved
     * @param oneDay    its answer
     * @param days      1 to 14
     * @return the plan
     * @throws InvalidProblemException when {@code days} is outside 1–14
     */
    public static BudgetPlan plan(
            BudgetOptimizer optimizer, OptimizationProblem problem, OptimizationResult oneDay, int days) {
        if (days < 1 || days > 14) {
            throw new InvalidProblemException("horizon_days", "must be between 1 and 14, was " + days);
        }
        List<AdSetInput> sets = problem.adSets();
        int n = sets.size();
        BudgetRules br = problem.budget();
        double[] first = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = oneDay.adSets().get(i).recommendedBudget();
        }
        double[] target = first.clone();
        if (br.maxChangeRatio() != null && days > 1) {
            try {
                OptimizationResult free = optimizer.optimize(with(
                        problem,
                        new BudgetRules(br.total(), br.minPerAdSet(), br.maxPerAdSet(), null, br.explorationShare()),
                        sets));
                for (int i = 0; i < n; i++) {
                    target[i] = free.adSets().get(i).recommendedBudget();
                }
            } catch (InfeasibleBudgetException e) {
                // min/max alone cannot hold either: stay where the one-day answer is
            }
        }
        List<double[]> path = new ArrayList<>();
        path.add(first);
        for (int d = 2; d <= days; d++) {
            double[] prev = path.get(path.size() - 1);
            double[] lo = new double[n];
            double[] hi = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                AdSetInput a = sets.get(i);
                sum += prev[i];
                if (a.status() == AdSetStatus.PAUSED || (prev[i] == 0 && target[i] == 0)) {
                    continue;
                }
                if (a.locked()) {
                    lo[i] = prev[i];
                    hi[i] = prev[i];
                    continue;
                }
                lo[i] = br.minPerAdSet();
                hi[i] = br.maxPerAdSet() == null ? Double.POSITIVE_INFINITY : br.maxPerAdSet();
                if (br.maxChangeRatio() != null && prev[i] > 0) {
                    lo[i] = Math.max(lo[i], prev[i] * (1 - br.maxChangeRatio()));
                    hi[i] = Math.min(hi[i], prev[i] * (1 + br.maxChangeRatio()));
                }
                if (lo[i] > hi[i]) {
                    lo[i] = prev[i];
                    hi[i] = prev[i];
                }
            }
            path.add(cents(project(target, lo, hi, sum), lo, hi, sum));
        }
        List<PlanDay> out = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            double[] b = path.get(d);
            OptimizationResult at = d == 0 ? oneDay : evaluate(optimizer, problem, b);
            out.add(new PlanDay(
                    d + 1,
                    Arrays.stream(b).boxed().toList(),
                    at == null ? 0.0 : at.summary().expectedConversions(),
                    at == null ? new Interval(0, 0) : at.summary().conversionsInterval()));
        }
        return new BudgetPlan(
                sets.stream().map(AdSetInput::id).toList(),
                Arrays.stream(target).boxed().toList(),
                out);
    }

    /** The optimizer's summary at fixed budgets: every unpaused ad set locked at its budget; null when all are 0. */
    static OptimizationResult evaluate(BudgetOptimizer optimizer, OptimizationProblem problem, double[] budgets) {
        List<AdSetInput> locked = new ArrayList<>(budgets.length);
        double sum = 0;
        for (int i = 0; i < budgets.length; i++) {
            AdSetInput a = problem.adSets().get(i);
            locked.add(
                    a.status() == AdSetStatus.PAUSED
                            ? a
                            : a.withCurrentBudget(budgets[i]).withLocked(true));
            sum += a.status() == AdSetStatus.PAUSED ? 0 : budgets[i];
        }
        if (sum <= 0) {
            return null;
        }
        return optimizer.optimize(with(problem, new BudgetRules(sum, 0, null, null, 0.0), locked));
    }

    /** b_i = clamp(t_i + ν, lo_i, hi_i) with ν such that Σ b_i = sum (bisection, 200 halvings). */
    static double[] project(double[] t, double[] lo, double[] hi, double sum) {
        int n = t.length;
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            a = Math.min(a, lo[i] - t[i]);
            b = Math.max(b, (Double.isFinite(hi[i]) ? hi[i] : lo[i] + sum) - t[i]);
        }
        a -= 1;
        b += sum + 1;
        double[] out = new double[n];
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (a + b);
            if (clampedSum(t, lo, hi, mid) < sum) {
                a = mid;
            } else {
                b = mid;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = WaterFilling.clamp(t[i] + b, lo[i], hi[i]);
        }
        return out;
    }

    private static double clampedSum(double[] t, double[] lo, double[] hi, double nu) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += WaterFilling.clamp(t[i] + nu, lo[i], hi[i]);
        }
        return s;
    }

    /** Rounds to cents by largest remainder so that the cents sum to {@code sum}, never above a ceiling. */
    static double[] cents(double[] b, double[] lo, double[] hi, double sum) {
        int n = b.length;
        long[] c = new long[n];
        long want = Math.round(sum * 100);
        long have = 0;
        for (int i = 0; i < n; i++) {
            c[i] = (long) Math.floor(b[i] * 100 + 1e-7);
            have += c[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -(b[i] * 100 - c[i])));
        boolean moved = true;
        while (have < want && moved) {
            moved = false;
            for (int k = 0; k < n && have < want; k++) {
                int i = order[k];
                if (c[i] + 1 <= hi[i] * 100 + 1e-6) {
                    c[i]++;
                    have++;
                    moved = true;
                }
            }
        }
        while (have > want && moved) {
            moved = false;
            for (int k = n - 1; k >= 0 && have > want; k--) {
                int i = order[k];
                if (c[i] - 1 >= lo[i] * 100 - 1e-6 && c[i] > 0) {
                    c[i]--;
                    have--;
                    moved = true;
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = c[i] / 100.0;
        }
        return out;
    }

    private static Double conversions(BudgetOptimizer optimizer, OptimizationProblem problem, double total) {
        if (!(total > 0)) {
            return null;
        }
        try {
            return optimizer.optimize(exploit(problem, total)).summary().expectedConversions();
        } catch (InfeasibleBudgetException e) {
            return null;
        }
    }

    private static Double ratio(double spend, double conversions) {
        return conversions > 1e-12 ? spend / conversions : null;
    }

    /** The problem at another total, without exploration. */
    private static OptimizationProblem exploit(OptimizationProblem p, double total) {
        BudgetRules b = p.budget();
        return with(p, new BudgetRules(total, b.minPerAdSet(), b.maxPerAdSet(), b.maxChangeRatio(), 0.0), p.adSets());
    }

    private static OptimizationProblem with(OptimizationProblem p, BudgetRules budget, List<AdSetInput> sets) {
        return new OptimizationProblem(
                p.objective(),
                p.currency(),
                budget,
                p.targets(),
                p.riskAversion(),
                p.earlyStop(),
                p.halfLifeDays(),
                p.seed(),
                sets);
    }
}
