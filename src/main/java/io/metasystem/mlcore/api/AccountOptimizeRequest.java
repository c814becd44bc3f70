package io.metasystem.mlcore.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Body of {@code POST /api/v1/accounts/{account_id}/optimize}: the budget parameters of {@link OptimizeRequest}
 * without {@code adsets} (they come from the store), plus the history window and an optional campaign filter.
 */
@Schema(description = "Budget rules; ad sets and their daily history come from the store")
record AccountOptimizeRequest(
        @Schema(
                allowableValues = {"conversions", "revenue", "value", "streams"},
                defaultValue = "conversions",
                description = "streams: each conversion is worth its artist's estimated incremental streams per Meta "
                        + "conversion (docs/reporting.md)")
        String objective,

        @Schema(description = "ISO 4217 code; omitted: the account's currency", example = "EUR")
        String currency,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OptimizeRequest.Budget budget,
        OptimizeRequest.Targets targets,
        @Schema(defaultValue = "0") Double riskAversion,
        OptimizeRequest.EarlyStop earlyStop,
        @Schema(defaultValue = "7") Double halfLifeDays,
        Long seed,

        @Schema(description = "Days of history ending on the latest stored day, 1-365", defaultValue = "28")
        Integer lookbackDays,

        @Schema(description = "Only the ad sets of this campaign; omitted: every campaign")
        String campaignId,

        @Schema(
                description = "Priors from a model for ad sets with stored attributes; omitted: on when a champion "
                        + "exists for model_scope, account:<account_id> or ML_DEFAULT_SCOPE (docs/ml.md)")
        Boolean useModelPriors,

        @Schema(description = "Registry scope of the model; omitted: account:<account_id>, then ML_DEFAULT_SCOPE")
        String modelScope,

        @Schema(
                description = "What-if totals (1 to 50, each > 0), as on the stateless route",
                example = "[100, 150, 200, 300]")
        List<Double> totalSweep,

        @Schema(description = "1 to 14: a budget path per day and ad set, as on the stateless route")
        Integer horizonDays,

        @Schema(description = "Ids of stored ad sets whose stored daily budget stays as it is (locked)")
        List<String> lockedAdsets) {}
