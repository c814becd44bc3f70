package io.metasystem.mlcore.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored recommendation.
 *
 * @param accountId        nullable for stateless calls without an account
 * @param requestHash      SHA-256 of the canonical request
 * @param inputsSummary    small JSON summary of the inputs (ad sets, days, budget)
 * @param response         the full optimize response as returned, nullable in listings
 * @param optimizerVersion version of the optimizer that produced it
 * @param modelVersion     version of the ML model whose priors were used, nullable
 * @param adSets           what was recommended per ad set
 */
public record Recommendation(
        String id,
        String accountId,
        OffsetDateTime createdAt,
        String requestHash,
        JsonNode inputsSummary,
        JsonNode response,
        String optimizerVersion,
        String modelVersion,
        String currency,
        BigDecimal totalBudget,
        List<RecommendedAdSet> adSets,
        @JsonIgnore LocalDate dataUntil) {
    public Recommendation {
        adSets = adSets == null ? List.of() : List.copyOf(adSets);
    }

    /** This recommendation as stored: under its canonical account id, created at {@code at}. */
    Recommendation stored(String canonicalAccountId, OffsetDateTime at) {
        return copy(canonicalAccountId, at, adSets);
    }

    /** This recommendation with other per-ad-set lines. */
    Recommendation withAdSets(List<RecommendedAdSet> lines) {
        return copy(accountId, createdAt, lines);
    }

    private Recommendation copy(String account, OffsetDateTime at, List<RecommendedAdSet> lines) {
        return new Recommendation(
                id,
                account,
                at,
                requestHash,
                inputsSummary,
                response,
                optimizerVersion,
                modelVersion,
                currency,
                totalBudget,
                lines,
                dataUntil);
    }

    /**
     * One ad set's recommendation, per day.
     *
     * @param currentBudget       nullable
     * @param expectedRevenue     nullable
     */
    public record RecommendedAdSet(
            String adsetId,
            String name,
            BigDecimal currentBudget,
            BigDecimal recommendedBudget,
            BigDecimal expectedConversions,
            BigDecimal expectedRevenue) {}
}
