package io.metasystem.mlcore.meta;

import java.util.Optional;

/** Where apply reads recommendations from (the store's recommendation table). */
public interface RecommendationSource {
    Optional<AppliableRecommendation> find(String recommendationId);
}
