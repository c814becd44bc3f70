package io.metasystem.mlcore.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One stored insight day joined with its ad set: what the ml package trains on and scores predictions against.
 *
 * @param campaignId   nullable
 * @param firstDate    the ad set's first stored insight day (over all time, not just the queried window)
 * @param spend        account currency
 * @param clicks       nullable
 * @param conversions  nullable
 * @param attributes   the ad set's attributes, empty when none are known
 */
public record AdSetDay(
        String accountId,
        String adsetId,
        String campaignId,
        LocalDate date,
        LocalDate firstDate,
        BigDecimal spend,
        Long clicks,
        BigDecimal conversions,
        AdSetAttributes attributes) {}
