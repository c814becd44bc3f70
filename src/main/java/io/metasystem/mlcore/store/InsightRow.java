package io.metasystem.mlcore.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One parsed, valid import row: one ad set on one day. Money in the account currency.
 *
 * @param line         line number (CSV) or element number (JSON) it came from, for messages
 * @param date         the day
 * @param campaignId   nullable
 * @param campaignName nullable
 * @param adSetId      never blank
 * @param adSetName    nullable
 * @param spend        &ge; 0
 * @param impressions  nullable
 * @param clicks       nullable
 * @param conversions  nullable (unknown); the optimizer reads it as 0
 * @param revenue      nullable
 * @param currency     ISO code from the file, nullable
 * @param status       ACTIVE, PAUSED, ARCHIVED or DELETED when the file says so, else null
 * @param dailyBudget  the ad set's daily budget when the file says so, else null
 * @param extraJson    JSON object text of metrics without a column of their own, nullable
 */
record InsightRow(
        long line,
        LocalDate date,
        String campaignId,
        String campaignName,
        String adSetId,
        String adSetName,
        BigDecimal spend,
        Long impressions,
        Long clicks,
        BigDecimal conversions,
        BigDecimal revenue,
        String currency,
        String status,
        BigDecimal dailyBudget,
        String extraJson) {
    /** Decimal places kept for money and conversions (the columns' scale), so re-imports compare equal. */
    public static final int SCALE = 4;

    public InsightRow {
        spend = scaled(spend);
        conversions = scaled(conversions);
        revenue = scaled(revenue);
        dailyBudget = scaled(dailyBudget);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
