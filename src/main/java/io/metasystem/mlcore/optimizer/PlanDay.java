package io.metasystem.mlcore.optimizer;

import java.util.List;

/**
 * One day of a multi-day plan (mandate §5.3).
 *
 * @param day                 1 = tomorrow (the one-day answer), 2 = the day after …
 * @param budgets             daily budget per ad set, in the order of the problem (0 when paused), summing to the
 *                            total (to the cent)
 * @param expectedConversions posterior mean conversions of that day at these budgets
 * @param conversionsInterval 90 % credible interval of that day's conversions
 */
public record PlanDay(int day, List<Double> budgets, double expectedConversions, Interval conversionsInterval) {
    public PlanDay {
        budgets = List.copyOf(budgets);
    }
}
