package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.store.ImportReport;

/**
 * Where sync writes what it pulled, one Graph API page at a time: the store's idempotent insights importer. The sync
 * never holds more than one page of rows, so its memory is bounded by a page (500 rows), not by the account's size.
 */
public interface InsightSink {
    /**
     * Imports one page of a Graph API insights response ({@code {"data": [...]}}), idempotently by (account, ad set,
     * day), in its own transaction, without announcing it (the sync publishes one
     * {@link io.metasystem.mlcore.store.InsightsImported} after its last page).
     *
     * @return what the page changed
     */
    ImportReport importPage(String accountId, String currency, byte[] pageJson);
}
