package io.metasystem.mlcore.api;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/meta_ads/optimize}. Field names are snake_case on the wire; money is in the
 * account currency per day. Everything is checked by {@link OptimizeRequestValidator}, which names the JSON path
 * of every problem.
 */
@Schema(description = "Ad-set state and budget rules to allocate tomorrow's budget from")
record OptimizeRequest(
        @Schema(
                description = "What to maximise; value: Σ conversions × value_per_conversion",
                allowableValues = {"conversions", "revenue", "value"},
                defaultValue = "conversions")
        String objective,

        @Schema(description = "ISO 4217 currency code of every amount", example = "EUR")
        String currency,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Budget budget,
        Targets targets,

        @Schema(description = "Weight λ ≥ 0 of the standard-deviation penalty", defaultValue = "0")
        Double riskAversion,

        EarlyStop earlyStop,

        @Schema(description = "Half-life in days of the decay of past evidence", defaultValue = "7")
        Double halfLifeDays,

        @Schema(
                description = "Seed of every random draw; omitted: derived from the request, so the same "
                        + "request gives the same answer")
        Long seed,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 10,000 ad sets")
        List<AdSet> adsets,

        @Schema(
                description = "Fill the prior of every ad set that has attributes and no prior from a champion model. "
                        + "Omitted: on when model_scope, account:<account_id> (query parameter) or "
                        + "ML_DEFAULT_SCOPE has a "
                        + "champion; false: off (docs/ml.md)")
        Boolean useModelPriors,

        @Schema(
                description = "Registry scope of the model, e.g. kag or online_advertising; omitted: "
                        + "account:<account_id>, then ML_DEFAULT_SCOPE")
        String modelScope,

        @Schema(
                description = "What-if totals (1 to 50, each > 0): expected conversions with their interval and the "
                        + "marginal CPA of the whole account at each, without exploration (mandate §5.2)",
                example = "[100, 150, 200, 300]")
        List<Double> totalSweep,

        @Schema(
                description = "1 to 14: also return a budget path per day and ad set that respects max_change_ratio "
                        + "from day to day, ramping toward the uncapped target (mandate §5.3)",
                example = "7")
        Integer horizonDays) {

    /** This request with other ad sets (e.g. with model priors filled in). */
    OptimizeRequest withAdsets(List<AdSet> adsets) {
        return new OptimizeRequest(
                objective,
                currency,
                budget,
                targets,
                riskAversion,
                earlyStop,
                halfLifeDays,
                seed,
                adsets,
                useModelPriors,
                modelScope,
                totalSweep,
                horizonDays);
    }

    @Schema(name = "OptimizeBudget")
    public record Budget(
            @Schema(description = "Daily budget to distribute, > 0", requiredMode = Schema.RequiredMode.REQUIRED)
            Double total,

            @Schema(description = "Floor per unpaused ad set", defaultValue = "0")
            Double minPerAdset,

            @Schema(description = "Ceiling per ad set; omitted: none")
            Double maxPerAdset,

            @Schema(description = "Largest relative change from current_budget, e.g. 0.3; omitted: none")
            Double maxChangeRatio,

            @Schema(description = "Share placed by Thompson sampling in [0, 1]; omitted: adaptive")
            Double explorationShare) {}

    /** Business targets, used by early stop and explanations. */
    @Schema(name = "OptimizeTargets")
    public record Targets(Double cpa, Double roas) {}

    /** Early-stop rules for losers. */
    @Schema(name = "EarlyStopRules")
    public record EarlyStop(
            @Schema(defaultValue = "true") Boolean enabled,

            @Schema(description = "Posterior probability required, in (0.5, 1)", defaultValue = "0.95")
            Double confidence,

            @Schema(description = "Spend required before judging, in multiples of target CPA", defaultValue = "2")
            Double minSpendMultiple) {}

    /** One ad set: totals, daily rows, both (daily wins) or nothing (brand new). */
    @Schema(name = "OptimizeAdSet")
    public record AdSet(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id,

            String name,

            @Schema(
                    allowableValues = {"ACTIVE", "PAUSED"},
                    defaultValue = "ACTIVE")
            String status,

            Double currentBudget,
            Metrics metrics,
            List<Daily> daily,
            Prior prior,

            @Schema(
                    description = "Ad-set attributes for model priors (e.g. campaign, age, gender, interest; numeric "
                            + "features such as log_spend as decimal strings)")
            Map<String, String> attributes,

            @Schema(
                    description = "true: keep current_budget (required) as it is; the others share the rest",
                    defaultValue = "false")
            Boolean locked,

            @Schema(description = "Value of one conversion (> 0) for objective value, e.g. streams per conversion")
            Double valuePerConversion,

            @Schema(description = "Standard deviation of value_per_conversion (≥ 0); enters the risk penalty")
            Double valuePerConversionSd) {

        /** An ad set without the 0.3 fields. */
        public AdSet(
                String id,
                String name,
                String status,
                Double currentBudget,
                Metrics metrics,
                List<Daily> daily,
                Prior prior,
                Map<String, String> attributes) {
            this(id, name, status, currentBudget, metrics, daily, prior, attributes, null, null, null);
        }

        /** This ad set with another prior. */
        AdSet withPrior(Prior p) {
            return new AdSet(
                    id,
                    name,
                    status,
                    currentBudget,
                    metrics,
                    daily,
                    p,
                    attributes,
                    locked,
                    valuePerConversion,
                    valuePerConversionSd);
        }
    }

    /** Window totals. {@code spend} and {@code conversions} are required; the rest may be omitted. */
    @Schema(name = "AdSetMetrics")
    public record Metrics(Double spend, Double impressions, Double clicks, Double conversions, Double revenue) {}

    /** One day of delivery. */
    @Schema(name = "DailyMetrics")
    @JsonDeserialize(using = DailyDeserializer.class)
    public record Daily(
            LocalDate date, Double spend, Double impressions, Double clicks, Double conversions, Double revenue) {}

    /** Outside knowledge worth {@code weight} pseudo-conversions (from an ML model or a human). */
    @Schema(name = "AdSetPrior")
    public record Prior(Double cpa, Double cvr, Double roas, Double weight, String source) {}
}
