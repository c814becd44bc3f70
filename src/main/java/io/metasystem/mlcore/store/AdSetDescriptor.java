package io.metasystem.mlcore.store;

import java.math.BigDecimal;

/**
 * What a source (the Meta sync, an API call) knows about an ad set apart from its daily insights. Null fields
 * leave the stored value as it is.
 *
 * @param dailyBudget account currency per day (major units)
 * @param status      ACTIVE, PAUSED, ARCHIVED or DELETED
 * @param attributes  replaces the stored attributes when not null
 */
public record AdSetDescriptor(
        String id,
        String name,
        String campaignId,
        String campaignName,
        BigDecimal dailyBudget,
        String status,
        String currency,
        AdSetAttributes attributes) {
    public AdSetDescriptor {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("id: 1-64 characters, was " + id);
        }
    }
}
