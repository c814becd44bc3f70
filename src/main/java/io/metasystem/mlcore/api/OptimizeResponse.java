package io.metasystem.mlcore.api;

import io.metasystem.mlcore.optimizer.PosteriorSummary;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Answer of the optimize endpoints. Every number is explained in {@code docs/optimization-mandate.md}.
 * Money in the request's currency per day, conversions per day.
 */
@Schema(description = "Budget per ad set with the reasoning behind it")
record OptimizeResponse(
        @Schema(description = "Id of the stored recommendation (GET /api/v1/recommendations/{id})")
        String recommendationId,

        List<AdSetResult> adsets,
        Summary summary,
        List<String> warnings,
        String method,
        String version,
        String objective,
        String currency,
        long seed,

        @Schema(
                description =
                        "Registry version of the model whose priors were used (use_model_priors); omitted otherwise")
        Long modelVersion,

        @Schema(description = "Model id of that version; omitted otherwise")
        String modelId,

        @Schema(
                description = "Rules holding ad sets at a bound (also as sentences in warnings); omitted when none "
                        + "binds (mandate §5.1)")
        List<Binding> bindingConstraints,

        @Schema(description = "One point per total of total_sweep; omitted without total_sweep (mandate §5.2)")
        List<SweepPoint> totalSweep,

        @Schema(description = "Budget path per day; omitted without horizon_days (mandate §5.3)")
        Plan plan) {

    /** The same answer naming the model whose priors it used. */
    public OptimizeResponse withModel(long registryVersion, String id) {
        return copy(registryVersion, id, totalSweep, plan);
    }

    /** The same answer with the what-if parts. */
    public OptimizeResponse withWhatIf(List<SweepPoint> sweep, Plan days) {
        return copy(modelVersion, modelId, sweep, days);
    }

    private OptimizeResponse copy(Long registryVersion, String id, List<SweepPoint> sweep, Plan days) {
        return new OptimizeResponse(
                recommendationId,
                adsets,
                summary,
                warnings,
                method,
                version,
                objective,
                currency,
                seed,
                registryVersion,
                id,
                bindingConstraints,
                sweep,
                days);
    }

    /** A rule that binds: which side, for which ad sets, the sum of their bounds (currency per day). */
    @Schema(name = "BindingConstraint")
    public record Binding(
            @Schema(example = "budget.max_change_ratio") String field,

            @Schema(allowableValues = {"lower", "upper", "total", "fixed"})
            String bound,

            List<String> adsets,
            double amount) {}

    /** The whole account at one what-if total. */
    @Schema(name = "TotalSweepPoint")
    public record SweepPoint(
            double total,
            boolean feasible,
            Double expectedConversions,

            @Schema(description = "90 % credible interval [lo, hi] of the day's conversions at this total")
            List<Double> conversionsInterval,

            Double expectedValue,
            Double expectedCpa,

            @Schema(description = "Cost of one more conversion for the whole account at this total")
            Double marginalCpa,

            @Schema(description = "Why this total is infeasible; omitted when feasible")
            String detail) {}

    /** A budget path: the uncapped target and one entry per day. */
    @Schema(name = "BudgetPlan")
    public record Plan(
            @Schema(description = "Ad-set id → budget the path ramps toward (the optimum without the change cap)")
            Map<String, Double> target,

            List<PlanDay> days) {}

    /** One day of the plan. */
    @Schema(name = "BudgetPlanDay")
    public record PlanDay(
            int day,

            @Schema(description = "Ad-set id → daily budget; sums to the total")
            Map<String, Double> budgets,

            double expectedConversions,
            List<Double> conversionsInterval) {}

    /** The recommendation for one ad set, in the order of the request. */
    @Schema(name = "AdSetRecommendation")
    public record AdSetResult(
            String id,
            String name,

            @Schema(allowableValues = {"increase", "decrease", "hold", "pause"})
            String action,

            double recommendedBudget,
            Double currentBudget,
            double expectedConversions,
            double expectedRevenue,
            Double expectedCpa,

            @Schema(description = "90 % credible interval [lo, hi] of the CPA")
            List<Double> cpaInterval,

            double probabilityBest,
            double expectedLoss,
            Double marginalCpa,
            EarlyStop earlyStop,
            PosteriorSummary posterior,
            List<String> reasons) {}

    /** Early-stop verdict. */
    @Schema(name = "EarlyStopVerdict")
    public record EarlyStop(boolean stop, Double probabilityAboveTarget, String reason) {}

    /** Totals over all ad sets. */
    @Schema(name = "AllocationSummary")
    public record Summary(
            double totalBudget,
            double allocated,
            double expectedConversions,

            @Schema(description = "90 % credible interval [lo, hi] of the day's conversions")
            List<Double> conversionsInterval,

            double expectedRevenue,
            Double expectedCpa,
            double riskPenalty,
            double explorationBudget) {}
}
