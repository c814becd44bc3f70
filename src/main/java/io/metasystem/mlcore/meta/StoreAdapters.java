package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.store.InsightImporter;
import io.metasystem.mlcore.store.MetaInsightsJson;
import io.metasystem.mlcore.store.Recommendation;
import io.metasystem.mlcore.store.RecommendationStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.ByteArrayInputStream;
import java.util.Optional;

/** The connector's view of the store: recommendations to apply, and the insights importer sync writes through. */
@Configuration(proxyBeanMethods = false)
class StoreAdapters {

    @Bean
    RecommendationSource storeRecommendations(RecommendationStore store) {
        return id -> {
            Recommendation r;
            try {
                r = store.get(id);
            } catch (NotFoundException e) {
                return Optional.empty();
            }
            return Optional.of(new AppliableRecommendation(
                    r.id(),
                    r.accountId(),
                    r.createdAt(),
                    r.currency(),
                    r.adSets().stream()
                            .map(a -> new AppliableRecommendation.Target(
                                    a.adsetId(), a.name(), a.currentBudget(), a.recommendedBudget()))
                            .toList(),
                    r.dataUntil()));
        };
    }

    @Bean
    InsightSink storeInsightSink(InsightImporter importer) {
        return (account, currency, json) -> importer.importPart(
                account,
                "json",
                MetaInsightsJson.parse(new ByteArrayInputStream(json), MetaInsightsJson.DEFAULT_ACTION_TYPE, currency));
    }
}
