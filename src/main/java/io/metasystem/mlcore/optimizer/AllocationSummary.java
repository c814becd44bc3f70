package io.metasystem.mlcore.optimizer;

/**
 * Totals over all ad sets.
 *
 * @param totalBudget          the requested total (currency per day)
 * @param allocated            sum of recommended budgets (equals total unless every ad set is paused or capped)
 * @param expectedConversions  posterior mean conversions per day
 * @param conversionsInterval  90 % credible interval of the day's conversions
 * @param expectedRevenue      posterior mean revenue per day
 * @param expectedCpa          allocated / expected conversions, null when nothing is allocated
 * @param riskPenalty          λ · Σ SD[value_i(b_i)] subtracted in the objective
 * @param explorationBudget    part of the allocation placed by Thompson sampling
 */
public record AllocationSummary(
        double totalBudget,
        double allocated,
        double expectedConversions,
        Interval conversionsInterval,
        double expectedRevenue,
        Double expectedCpa,
        double riskPenalty,
        double explorationBudget) {}
