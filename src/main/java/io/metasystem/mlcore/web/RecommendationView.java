package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.Recommendation;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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
            List<String> reasons) {
        public Line {
            reasons = List.copyOf(reasons);
        }

        /** Recommended minus current budget; null without a current budget. */
        public Double budgetChange() {
            return currentBudget == null || recommendedBudget == null ? null : recommendedBudget - currentBudget;
        }
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
                        reasons));
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
