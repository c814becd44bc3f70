package io.metasystem.mlcore.meta;

import java.util.Map;

/** Where sync writes what it pulled: the store's idempotent insights importer. */
public interface InsightSink {
    /**
     * Imports a Graph API insights response ({@code {"data": [...]}}), idempotently by (account, ad set, day).
     *
     * @return a summary of what changed (the importer's report as a map)
     */
    Map<String, Object> importInsights(String accountId, String currency, byte[] insightsJson);
}
