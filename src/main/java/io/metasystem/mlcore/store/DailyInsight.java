package io.metasystem.mlcore.store;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One stored day of one ad set. Money in the account currency.
 *
 * @param conversions  nullable (not in the file)
 * @param extraMetrics JSON object of metrics without a column, nullable
 */
public record DailyInsight(
        String adsetId,
        LocalDate date,
        BigDecimal spend,
        Long impressions,
        Long clicks,
        BigDecimal conversions,
        BigDecimal revenue,
        JsonNode extraMetrics,
        String source,
        OffsetDateTime importedAt) {}
