package io.metasystem.mlcore.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An ad set as stored.
 *
 * @param status      ACTIVE, PAUSED, ARCHIVED or DELETED
 * @param dailyBudget currency per day, nullable when no import named it
 * @param platform    {@code meta}
 * @param attributes  targeting/creative attributes (empty when none are known)
 */
public record AdSet(
        String id,
        String name,
        String campaignId,
        String campaignName,
        String status,
        BigDecimal dailyBudget,
        String currency,
        String platform,
        LocalDate firstDate,
        LocalDate lastDate,
        long days,
        OffsetDateTime updatedAt,
        AdSetAttributes attributes) {}
