package io.metasystem.mlcore.testing;

import io.metasystem.mlcore.meta.InsightSink;
import io.metasystem.mlcore.store.ImportReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In front of the store's insights importer: passes every import through, except while a test captures, when it
 * keeps the Graph API pages sync would import, one entry per page (and imports nothing).
 */
public final class CapturingInsightSink implements InsightSink {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InsightSink store;
    private final List<JsonNode> captured = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean capturing;
    private final AtomicInteger largestPage = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();

    CapturingInsightSink(InsightSink store) {
        this.store = store;
    }

    /** Starts (or stops) capturing; either way forgets what was captured. */
    public void capture(boolean on) {
        captured.clear();
        capturing = on;
    }

    /** Most rows the sink received in one call since {@link #resetPageCounts} (what sync holds at once). */
    public int largestPage() {
        return largestPage.get();
    }

    /** Calls since {@link #resetPageCounts}. */
    public int pages() {
        return pages.get();
    }

    public void resetPageCounts() {
        largestPage.set(0);
        pages.set(0);
    }

    /** The responses captured since {@link #capture}, in order. */
    public List<JsonNode> captured() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    @Override
    public ImportReport importPage(String accountId, String currency, byte[] pageJson) {
        largestPage.accumulateAndGet(JSON.readTree(pageJson).path("data").size(), Math::max);
        pages.incrementAndGet();
        if (!capturing) {
            return store.importPage(accountId, currency, pageJson);
        }
        captured.add(JSON.readTree(pageJson));
        return new ImportReport(accountId, "json", 0, 0, 0, 0, 0, null, null, currency);
    }
}
