package io.metasystem.mlcore.optimizer;

import java.util.List;

/**
 * What the optimizer knows about one ad set. It may have totals, daily rows, both (daily rows win) or
 * nothing at all (a brand-new ad set, which the pooled prior and exploration take care of).
 *
 * @param id            unique within the problem, non-blank
 * @param name          display name, nullable
 * @param status        ACTIVE or PAUSED (PAUSED is never funded)
 * @param currentBudget today's daily budget (currency per day), nullable when unknown or new
 * @param totals        window totals, nullable
 * @param daily         daily rows in strictly increasing date order, possibly empty, never null
 * @param prior         outside prior, nullable
 * @param locked        true: the budget stays at {@code currentBudget} (which is then required); the others share
 *                      the total minus the locked budgets
 * @param value         value of one conversion for {@link Objective#VALUE}, nullable (the mean of the given values,
 *                      else 1)
 */
public record AdSetInput(
        String id,
        String name,
        AdSetStatus status,
        Double currentBudget,
        Totals totals,
        List<DailyMetrics> daily,
        Prior prior,
        boolean locked,
        ConversionValue value) {
    public AdSetInput {
        if (locked && currentBudget == null) {
            throw new InvalidProblemException("current_budget", "is required when the ad set is locked");
        }
        if (id == null || id.isBlank()) {
            throw new InvalidProblemException("id", "is required");
        }
        if (status == null) {
            throw new InvalidProblemException("status", "is required");
        }
        Checks.nonNegativeOrNull("current_budget", currentBudget);
        daily = daily == null ? List.of() : List.copyOf(daily);
        for (int i = 1; i < daily.size(); i++) {
            if (!daily.get(i).date().isAfter(daily.get(i - 1).date())) {
                throw new InvalidProblemException(
                        "daily[" + i + "].date",
                        "dates must be strictly increasing, " + daily.get(i).date() + " follows "
                                + daily.get(i - 1).date());
            }
        }
    }

    /** This ad set locked (or not) at its current budget. */
    public AdSetInput withLocked(boolean lock) {
        return new AdSetInput(id, name, status, currentBudget, totals, daily, prior, lock, value);
    }

    /** This ad set with another current budget (unchanged lock and value). */
    public AdSetInput withCurrentBudget(Double budget) {
        return new AdSetInput(id, name, status, budget, totals, daily, prior, locked, value);
    }

    /** True when the ad set brings no evidence of its own (no totals, no daily rows). */
    public boolean isNew() {
        return totals == null && daily.isEmpty();
    }
}
