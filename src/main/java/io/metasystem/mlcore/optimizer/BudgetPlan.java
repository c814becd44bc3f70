package io.metasystem.mlcore.optimizer;

import java.util.List;

/**
 * A budget path over several days (mandate §5.3): day 1 is the one-day answer, each later day moves toward the
 * target allocation as far as the change cap allows from the day before.
 *
 * @param adsetIds ids in the order of every day's {@code budgets}
 * @param target   the target allocation (the optimum without the change cap), same order
 * @param days     one entry per day, {@code horizon_days} of them
 */
public record BudgetPlan(List<String> adsetIds, List<Double> target, List<PlanDay> days) {
    public BudgetPlan {
        adsetIds = List.copyOf(adsetIds);
        target = List.copyOf(target);
        days = List.copyOf(days);
    }
}
