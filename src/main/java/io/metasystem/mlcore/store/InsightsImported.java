package io.metasystem.mlcore.store;

import java.time.LocalDate;

/**
 * Published (as a Spring application event) by {@link InsightImporter} when an import inserted or changed rows, so
 * other features (alert scans) can react without the store depending on them. Delivered inside the import's
 * transaction; listeners that read the new rows listen after commit.
 *
 * @param accountId account without {@code act_}
 * @param source    {@code csv} or {@code json}
 * @param first     first day in the import, nullable when the file was empty
 * @param last      last day in the import, nullable when the file was empty
 * @param changed   rows inserted or updated
 */
public record InsightsImported(String accountId, String source, LocalDate first, LocalDate last, long changed) {}
