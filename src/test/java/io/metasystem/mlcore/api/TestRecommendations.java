package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.AppliableRecommendation;
import io.metasystem.mlcore.meta.RecommendationSource;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Recommendations put in place by a test (stands in for the store's recommendation table). */
final class TestRecommendations implements RecommendationSource {
    private final Map<String, AppliableRecommendation> byId = new ConcurrentHashMap<>();

    void put(AppliableRecommendation r) {
        byId.put(r.id(), r);
    }

    @Override
    public Optional<AppliableRecommendation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
