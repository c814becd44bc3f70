package io.metasystem.mlcore.web;

import io.metasystem.mlcore.optimizer.ResponseCurve;
import io.metasystem.mlcore.store.Recommendation;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stored recommendation as the account page shows it, read from the optimize answer saved with it. Money in the
 * recommendation's currency per day.
 *
 * @param totalBudget         nullable
 * @param expectedConversions expected conversions per day of the whole allocation, nullable
 * @param warnings            the answer's warnings, empty when none
 */
public record RecommendationView(
        String id,
        OffsetDateTime createdAt,
        String currency,
        BigDecimal totalBudget,
        Double expectedConversions,
        List<String> warnings,
        List<Line> lines) {
    public RecommendationView {
        warnings = List.copyOf(warnings);
        lines = List.copyOf(lines);
    }

    /**
     * One ad set of the recommendation.
     *
     * @param action            {@code increase}, {@code decrease}, {@code hold} or {@code pause}
     * @param currentBudget     nullable (a new ad set)
     * @param probabilityBest   probability (0–1) that this ad set has the lowest CPA, nullable
     * @param expectedCpa       nullable (no conversions expected)
     * @param cpaLow            lower end of the 90 % credible interval of the CPA, nullable
     * @param cpaHigh           upper end, nullable
     * @param reasons           the optimizer's explanations, in English
     * @param expectedConversions expected conversions per day at the recommended budget, nullable
     * @param conversionsPerUnit  the posterior's κ (conversions per unit of spend at the reference spend), nullable
     * @param saturationExponent  the response curve's θ, nullable
     * @param earlyStop           the early-stop verdict, nullable (older answers)
     */
    public record Line(
            String adsetId,
            String name,
            String action,
            Double currentBudget,
            Double recommendedBudget,
            Double probabilityBest,
            Double expectedCpa,
            Double cpaLow,
            Double cpaHigh,
            List<String> reasons,
            Double expectedConversions,
            Double conversionsPerUnit,
            Double saturationExponent,
            EarlyStop earlyStop) {
        public Line {
            reasons = List.copyOf(reasons);
        }

        /** The ad set's response curve for the run's reference spend; empty without posterior figures. */
        Optional<ResponseCurve> curve(double referenceSpend) {
            if (conversionsPerUnit == null
                    || saturationExponent == null
                    || !(conversionsPerUnit >= 0)
                    || !(saturationExponent > 0 && saturationExponent <= 1)) {
                return Optional.empty();
            }
            return Optional.of(new ResponseCurve(conversionsPerUnit, saturationExponent, referenceSpend));
        }

        /** Recommended minus current budget; null without a current budget. */
        public Double budgetChange() {
            return currentBudget == null || recommendedBudget == null ? null : recommendedBudget - currentBudget;
        }
    }

    /**
     * An early-stop verdict of the optimizer.
     *
     * @param stop                   true when the optimizer recommends stopping the ad set
     * @param probabilityAboveTarget posterior probability (0–1) that the CPA is above the target, nullable
     * @param reason                 the optimizer's reason, in English, nullable
     */
    public record EarlyStop(boolean stop, Double probabilityAboveTarget, String reason) {}

    /**
     * The reference spend r of the run behind this recommendation, recovered by the optimizer's {@link ResponseCurve}
     * from the first funded ad set; empty when no ad set was funded or the answer lacks the posterior figures.
     */
    Optional<Double> referenceSpend() {
        for (Line l : lines) {
            if (l.conversionsPerUnit() != null
                    && l.saturationExponent() != null
                    && l.recommendedBudget() != null
                    && l.expectedConversions() != null
                    && l.conversionsPerUnit() > 0
                    && l.recommendedBudget() > 0
                    && l.expectedConversions() > 0
                    && l.saturationExponent() > 0
                    && l.saturationExponent() <= 1) {
                return Optional.of(ResponseCurve.referenceSpend(
                        l.conversionsPerUnit(),
                        l.saturationExponent(),
                        l.recommendedBudget(),
                        l.expectedConversions()));
            }
        }
        return Optional.empty();
    }

    /** The view of a stored recommendation with its full response; missing fields become nulls. */
    static RecommendationView of(Recommendation r) {
        JsonNode response = r.response();
        List<Line> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Double expected = null;
        if (response != null) {
            for (JsonNode a : response.path("adsets")) {
                JsonNode interval = a.path("cpa_interval");
                List<String> reasons = new ArrayList<>();
                a.path("reasons").forEach(reason -> reasons.add(reason.asString()));
                JsonNode posterior = a.path("posterior");
                JsonNode early = a.path("early_stop");
                lines.add(new Line(
                        text(a, "id"),
                        text(a, "name"),
                        text(a, "action"),
                        number(a.get("current_budget")),
                        number(a.get("recommended_budget")),
                        number(a.get("probability_best")),
                        number(a.get("expected_cpa")),
                        interval.isArray() && interval.size() == 2 ? number(interval.get(0)) : null,
                        interval.isArray() && interval.size() == 2 ? number(interval.get(1)) : null,
                        reasons,
                        number(a.get("expected_conversions")),
                        number(posterior.get("conversions_per_unit")),
                        number(posterior.get("saturation_exponent")),
                        early.isObject()
                                ? new EarlyStop(
                                        early.path("stop").asBoolean(false),
                                        number(early.get("probability_above_target")),
                                        text(early, "reason"))
                                : null));
            }
            response.path("warnings").forEach(w -> warnings.add(w.asString()));
            expected = number(response.path("summary").get("expected_conversions"));
        }
        return new RecommendationView(r.id(), r.createdAt(), r.currency(), r.totalBudget(), expected, warnings, lines);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Double number(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
}
