package io.metasystem.mlcore.testing;

import io.metasystem.mlcore.meta.InsightSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * In front of the store's insights importer: passes every import through, except while a test captures, when it
 * keeps the Graph API responses sync would import (and imports nothing).
 */
public final class CapturingInsightSink implements InsightSink {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InsightSink store;
    private final List<JsonNode> captured = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean capturing;

    CapturingInsightSink(InsightSink store) {
        this.store = store;
    }

    /** Starts (or stops) capturing; either way forgets what was captured. */
    public void capture(boolean on) {
        captured.clear();
        capturing = on;
    }

    /** The responses captured since {@link #capture}, in order. */
    public List<JsonNode> captured() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    @Override
    public Map<String, Object> importInsights(String accountId, String currency, byte[] insightsJson) {
        if (!capturing) {
            return store.importInsights(accountId, currency, insightsJson);
        }
        captured.add(JSON.readTree(insightsJson));
        return Map.of("account_id", accountId, "currency", currency);
    }
}
