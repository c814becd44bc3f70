package io.metasystem.mlcore.testing;

import io.metasystem.mlcore.meta.AppliableRecommendation;
import io.metasystem.mlcore.meta.RecommendationSource;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recommendations put in place by a test, in front of the store's recommendation table: {@link #find} answers a
 * test's recommendation by id and asks the store for every other (ids from the store are UUIDs, so they never
 * collide with a test's ids).
 */
public final class TestRecommendations implements RecommendationSource {
    private final Map<String, AppliableRecommendation> byId = new ConcurrentHashMap<>();
    private final RecommendationSource store;

    TestRecommendations(RecommendationSource store) {
        this.store = store;
    }

    public void put(AppliableRecommendation r) {
        byId.put(r.id(), r);
    }

    @Override
    public Optional<AppliableRecommendation> find(String id) {
        AppliableRecommendation r = byId.get(id);
        return r != null ? Optional.of(r) : store.find(id);
    }
}
