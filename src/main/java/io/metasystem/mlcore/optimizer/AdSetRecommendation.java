package io.metasystem.mlcore.optimizer;

import java.util.List;

/**
 * The recommendation for one ad set. Money in currency per day; conversions per day.
 *
 * @param id                  ad-set id from the problem
 * @param name                display name, nullable
 * @param action              what to do compared with the current budget
 * @param recommendedBudget   daily budget to set, &ge; 0 (0 when paused)
 * @param currentBudget       echoed current budget, nullable
 * @param expectedConversions posterior mean conversions per day at the recommended budget
 * @param expectedRevenue     posterior mean revenue per day at the recommended budget (0 when unknown)
 * @param expectedCpa         recommended budget / expected conversions, null when the budget is 0
 * @param cpaInterval         90 % credible interval of the CPA, null when the budget is 0
 * @param probabilityBest     Monte Carlo P(this ad set has the highest value per unit of spend)
 * @param expectedLoss        expected conversions (or revenue) per day lost by funding this ad set's budget
 *                            instead of the best ad set, from the posterior draws
 * @param marginalCpa         cost of one more conversion at the recommended budget, null when not funded
 * @param earlyStop           early-stop verdict
 * @param posterior           the fitted model behind the numbers
 * @param reasons             human-readable explanations, most important first
 */
public record AdSetRecommendation(
        String id,
        String name,
        Action action,
        double recommendedBudget,
        Double currentBudget,
        double expectedConversions,
        double expectedRevenue,
        Double expectedCpa,
        Interval cpaInterval,
        double probabilityBest,
        double expectedLoss,
        Double marginalCpa,
        EarlyStopDecision earlyStop,
        PosteriorSummary posterior,
        List<String> reasons) {
    public AdSetRecommendation {
        reasons = List.copyOf(reasons);
    }
}
