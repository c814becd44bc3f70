package io.metasystem.mlcore.meta;

import tools.jackson.databind.JsonNode;

/**
 * An ad set as the Graph API returns it.
 *
 * @param dailyBudgetMinor {@code daily_budget} in the currency's minor units (e.g. cents), null when the ad set has a
 *                         lifetime budget or campaign budget optimisation
 * @param optimizationGoal {@code optimization_goal}, nullable
 * @param objective        the campaign's {@code objective}, nullable
 * @param targeting        the {@code targeting} spec as Meta returns it, nullable (not requested or not visible)
 */
record GraphAdSet(
        String id,
        String name,
        String status,
        String effectiveStatus,
        Long dailyBudgetMinor,
        String campaignId,
        String campaignName,
        String optimizationGoal,
        String objective,
        JsonNode targeting) {

    static GraphAdSet from(JsonNode n) {
        JsonNode budget = n.get("daily_budget");
        Long minor = budget == null || budget.isNull() || budget.asString().isBlank()
                ? null
                : Long.parseLong(budget.asString());
        JsonNode campaign = n.path("campaign");
        JsonNode targeting = n.get("targeting");
        return new GraphAdSet(
                n.path("id").asString(),
                n.path("name").asString(null),
                n.path("status").asString(null),
                n.path("effective_status").asString(null),
                minor == null || minor == 0 ? null : minor,
                campaign.path("id").asString(n.path("campaign_id").asString(null)),
                campaign.path("name").asString(null),
                n.path("optimization_goal").asString(null),
                campaign.path("objective").asString(null),
                targeting == null || !targeting.isObject() ? null : targeting);
    }
}
