package io.metasystem.mlcore.meta;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What apply needs of a stored recommendation. Money in the account currency per day.
 *
 * @param accountId nullable (stateless optimize calls have none; apply refuses them)
 * @param currency  nullable: then the account's currency from the Graph API, else EUR offsets
 */
public record AppliableRecommendation(String id, String accountId, OffsetDateTime createdAt, String currency,
                                      List<Target> adSets) {
    public AppliableRecommendation {
        adSets = List.copyOf(adSets);
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
