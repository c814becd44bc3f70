package io.metasystem.mlcore.store;

import java.time.LocalDate;

/**
 * What an import did. {@code rowsRead = inserted + updated + unchanged}.
 *
 * @param accountId  the account imported into
 * @param source     {@code csv} or {@code json}
 * @param rowsRead   data rows in the file
 * @param inserted   new (ad set, day) rows
 * @param updated    rows whose values changed (old values kept in insight_history)
 * @param unchanged  rows identical to what was stored
 * @param adSets     distinct ad sets in the file
 * @param firstDate  earliest day in the file, null when empty
 * @param lastDate   latest day in the file, null when empty
 * @param currency   currency named by the file, nullable
 */
public record ImportReport(
        String accountId,
        String source,
        long rowsRead,
        long inserted,
        long updated,
        long unchanged,
        int adSets,
        LocalDate firstDate,
        LocalDate lastDate,
        String currency) {}
