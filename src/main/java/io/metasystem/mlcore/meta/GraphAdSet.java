package io.metasystem.mlcore.meta;

import tools.jackson.databind.JsonNode;

/**
 * An ad set as the Graph API returns it.
 *
 * @param dailyBudgetMinor {@code daily_budget} in the currency's minor units (e.g. cents), null when the ad set has a
 *                         lifetime budget or campaign budget optimisation
 */
public record GraphAdSet(String id, String name, String status, String effectiveStatus, Long dailyBudgetMinor,
                         String campaignId, String campaignName) {

    static GraphAdSet from(JsonNode n) {
        JsonNode budget = n.get("daily_budget");
        Long minor = budget == null || budget.isNull() || budget.asString().isBlank() ? null
                : Long.parseLong(budget.asString());
        JsonNode campaign = n.path("campaign");
        return new GraphAdSet(n.path("id").asString(), n.path("name").asString(null), n.path("status").asString(null),
                n.path("effective_status").asString(null), minor == null || minor == 0 ? null : minor,
                campaign.path("id").asString(n.path("campaign_id").asString(null)),
                campaign.path("name").asString(null));
    }
}
