package io.metasystem.mlcore.simulation;

/**
 * The score of one policy on one scenario over the scored days.
 *
 * @param policy              policy name
 * @param scenarioIndex       index of the scenario
 * @param scenarioLabel       its label
 * @param adSets              number of ad sets in the scenario
 * @param share               Σ_t E[conv_t | chosen budgets] / Σ_t E[conv_t | day-t optimum] under the true market
 *                            (same fatigue state, the optimum within min/max but without change caps)
 * @param expectedConversions Σ_t expected conversions of the chosen budgets
 * @param optimumConversions  Σ_t expected conversions of the day-by-day optimum
 * @param realisedConversions Σ_t conversions actually drawn
 * @param spend               Σ_t spend actually drawn (currency)
 * @param wastedShare         share of expected spend that went to losers (true CPA at the equal share worse than
 *                            2× the best ad set's that day)
 * @param violations          broken constraints (ad-set-days plus total-days), see docs/simulation.md
 * @param errors              days on which the policy threw (the harness then kept yesterday's budgets)
 * @param firstError          "day N: exception message" of the first such day, null when none
 * @param dailyExpected       expected conversions per day
 * @param dailyOptimum        optimum's expected conversions per day
 */
public record PolicyRun(
        String policy,
        int scenarioIndex,
        String scenarioLabel,
        int adSets,
        double share,
        double expectedConversions,
        double optimumConversions,
        double realisedConversions,
        double spend,
        double wastedShare,
        int violations,
        int errors,
        String firstError,
        double[] dailyExpected,
        double[] dailyOptimum) {

    /** Realised cost per conversion, +∞ when nothing converted. */
    public double realisedCpa() {
        return realisedConversions > 0 ? spend / realisedConversions : Double.POSITIVE_INFINITY;
    }

    /** Expected cost per conversion of the chosen budgets (less noisy than the realised one). */
    public double expectedCpa(double expectedSpend) {
        return expectedConversions > 0 ? expectedSpend / expectedConversions : Double.POSITIVE_INFINITY;
    }
}
