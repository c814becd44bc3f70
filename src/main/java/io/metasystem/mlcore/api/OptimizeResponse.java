package io.metasystem.mlcore.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

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
        String modelId) {

    /** The same answer naming the model whose priors it used. */
    public OptimizeResponse withModel(long version, String id) {
        return new OptimizeResponse(
                recommendationId,
                adsets,
                summary,
                warnings,
                method,
                this.version,
                objective,
                currency,
                seed,
                version,
                id);
    }

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
            Posterior posterior,
            List<String> reasons) {}

    /** Early-stop verdict. */
    @Schema(name = "EarlyStopVerdict")
    public record EarlyStop(boolean stop, Double probabilityAboveTarget, String reason) {}

    /** The fitted model behind the numbers of one ad set. */
    @Schema(name = "AdSetPosterior")
    public record Posterior(
            double shape,
            double rate,
            double conversionsPerUnit,
            double effectiveSpend,
            double effectiveConversions,
            double saturationExponent,
            Double orderValue) {}

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
