package io.metasystem.mlcore.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened after a recommendation: realised spend and conversions on the days after it, against what was
 * recommended (budget × days observed) and expected (expected conversions per day × days observed).
 *
 * @param status       {@code no_data_yet} when no insight of these ad sets arrived for the window,
 *                     {@code partial} when fewer days than asked arrived, {@code complete} otherwise
 * @param message      human-readable summary
 * @param from         first day compared (the day after the recommendation, UTC)
 * @param to           last day compared
 * @param daysObserved days in the window with at least one insight of these ad sets
 */
public record RecommendationOutcome(
        String recommendationId,
        String accountId,
        String status,
        String message,
        LocalDate from,
        LocalDate to,
        int daysRequested,
        int daysObserved,
        List<Line> adSets,
        Line total) {

    /**
     * Comparison for one ad set (or the total, with a null id).
     *
     * @param recommendedSpend    recommended daily budget × days observed
     * @param expectedConversions expected conversions per day × days observed
     * @param expectedRevenue     nullable when unknown
     */
    public record Line(
            String adsetId,
            String name,
            BigDecimal recommendedBudget,
            BigDecimal recommendedSpend,
            BigDecimal realisedSpend,
            BigDecimal expectedConversions,
            BigDecimal realisedConversions,
            BigDecimal expectedRevenue,
            BigDecimal realisedRevenue,
            int daysWithData) {}
}
