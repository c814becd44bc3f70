package io.metasystem.mlcore.optimizer;

/**
 * The budget and its constraints, all in currency per day.
 *
 * @param total            the daily budget to distribute, &gt; 0
 * @param minPerAdSet      floor for every unpaused ad set, &ge; 0
 * @param maxPerAdSet      ceiling for every ad set, nullable (no ceiling)
 * @param maxChangeRatio   largest allowed relative change from an ad set's current budget
 *                         ({@code |b − current| ≤ ratio · current}), nullable (no cap)
 * @param explorationShare share of the budget allocated by Thompson sampling, in [0, 1];
 *                         nullable means "adaptive to posterior uncertainty"
 */
public record BudgetRules(
        double total, double minPerAdSet, Double maxPerAdSet, Double maxChangeRatio, Double explorationShare) {
    public BudgetRules {
        Checks.positive("budget.total", total);
        Checks.nonNegative("budget.min_per_adset", minPerAdSet);
        Checks.positiveOrNull("budget.max_per_adset", maxPerAdSet);
        Checks.nonNegativeOrNull("budget.max_change_ratio", maxChangeRatio);
        Checks.nonNegativeOrNull("budget.exploration_share", explorationShare);
        if (explorationShare != null && explorationShare > 1) {
            throw new InvalidProblemException("budget.exploration_share", "must be at most 1, was " + explorationShare);
        }
    }
}
