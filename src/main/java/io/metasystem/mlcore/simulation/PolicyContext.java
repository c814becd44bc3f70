package io.metasystem.mlcore.simulation;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a {@link Policy} may use to set today's budgets.
 *
 * @param scenarioSeed seed of the scenario (policies derive their own random streams from it and the day)
 * @param day          0-based scored day
 * @param date         calendar date of today
 * @param constraints  the account's budget rules
 * @param adSets       ad sets known today, in a stable order; the answer is aligned with this list
 * @param oracle       the true expected curves of today, aligned with {@code adSets}; non-null only for
 *                     policies whose {@link Policy#clairvoyant()} is true
 */
public record PolicyContext(
        long scenarioSeed,
        int day,
        LocalDate date,
        BudgetConstraints constraints,
        List<AdSetView> adSets,
        List<ResponseCurve> oracle) {
    public PolicyContext {
        adSets = List.copyOf(adSets);
        oracle = oracle == null ? null : List.copyOf(oracle);
    }

    /** Yesterday's budgets, 0 for new or paused ad sets. */
    public double[] previous() {
        double[] p = new double[adSets.size()];
        for (int i = 0; i < p.length; i++) {
            Double b = adSets.get(i).currentBudget();
            p[i] = b == null ? 0 : b;
        }
        return p;
    }

    /** Which ad sets are ACTIVE. */
    public boolean[] activeMask() {
        boolean[] a = new boolean[adSets.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = adSets.get(i).active();
        }
        return a;
    }

    /** Bounds of today for the ACTIVE ad sets (PAUSED get [0, 0]), change caps included when feasible. */
    public BudgetConstraints.Box box() {
        return constraints.box(previous(), activeMask());
    }
}
