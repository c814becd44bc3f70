package io.metasystem.mlcore.meta;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What apply needs of a stored recommendation. Money in the account currency per day.
 *
 * @param accountId nullable (stateless optimize calls have none; apply refuses them)
 * @param currency  nullable: then the account's currency from the Graph API, else EUR offsets
 * @param dataUntil newest insight day the recommendation was computed from; null when its input had no dated rows
 */
public record AppliableRecommendation(
        String id,
        String accountId,
        OffsetDateTime createdAt,
        String currency,
        List<Target> adSets,
        LocalDate dataUntil) {
    public AppliableRecommendation {
        adSets = List.copyOf(adSets);
    }

    /** A recommendation without a known data date. */
    public AppliableRecommendation(
            String id, String accountId, OffsetDateTime createdAt, String currency, List<Target> adSets) {
        this(id, accountId, createdAt, currency, adSets, null);
    }

    /**
     * @param currentBudget     budget the optimizer saw, nullable; used as "before" in dry runs
     * @param recommendedBudget zero means pause the ad set
     */
    public record Target(String adsetId, String name, BigDecimal currentBudget, BigDecimal recommendedBudget) {
        public boolean pause() {
            return recommendedBudget.signum() == 0;
        }
    }
}
