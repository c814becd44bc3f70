package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.AdSetRecommendation;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.Recommendation;
import io.metasystem.mlcore.store.RecommendationStore;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Persists every optimize answer (stateless or from the store) and stamps its {@code recommendation_id} into the
 * response: request hash (SHA-256 of the parsed request as the API's mapper writes it; until V70 the key-sorted
 * canonical tree), inputs summary, full response, optimizer version, per-ad-set recommendation and the newest
 * insight day the optimizer saw ({@code data_until}); then publishes {@code recommendation.created} to the outbound
 * webhooks.
 */
@Component
class RecommendationRecorder {
    private final RecommendationStore store;
    private final ObjectMapper mapper;
    private final OutboundWebhooks webhooks;

    RecommendationRecorder(RecommendationStore store, ObjectMapper mapper, OutboundWebhooks webhooks) {
        this.store = store;
        this.mapper = mapper;
        this.webhooks = webhooks;
    }

    /**
     * @param accountId nullable for a stateless call without an account
     * @param requestHash lower-case hex SHA-256 of the request ({@link #sha256(Object)} or of the body bytes)
     * @param response  the answer as JSON (the API's wire format)
     * @param modelVersion label of the model whose priors were used, or null
     * @return the response as JSON with {@code recommendation_id} first, as saved and as to be returned
     */
    ObjectNode record(
            String accountId,
            String requestHash,
            OptimizationProblem problem,
            OptimizationResult result,
            JsonNode response,
            String modelVersion) {
        String id = store.newId();
        ObjectNode body = mapper.createObjectNode();
        body.put("recommendation_id", id);
        if (response instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                if (!"recommendation_id".equals(e.getKey())) {
                    body.set(e.getKey(), e.getValue());
                }
            });
        }
        List<Recommendation.RecommendedAdSet> adSets = new ArrayList<>();
        for (AdSetRecommendation a : result.adSets()) {
            adSets.add(new Recommendation.RecommendedAdSet(
                    a.id(),
                    a.name(),
                    decimal(a.currentBudget()),
                    decimal(a.recommendedBudget()),
                    decimal(a.expectedConversions()),
                    decimal(a.expectedRevenue())));
        }
        store.save(new Recommendation(
                id,
                accountId,
                null,
                requestHash,
                summary(problem),
                body,
                result.version(),
                modelVersion,
                problem.currency(),
                decimal(problem.budget().total()),
                adSets,
                dataUntil(problem)));
        // n8n hears of every recommendation (recorded only, as dry_run, when DUMMY_MODE=true)
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("recommendation_id", id);
        event.put("account_id", AccountIds.canonical(accountId));
        event.put("currency", problem.currency());
        event.put("total_budget", problem.budget().total());
        event.put("adset_count", adSets.size());
        event.put(
                "adsets",
                adSets.stream()
                        .limit(200)
                        .map(a -> Map.of("adset_id", a.adsetId(), "recommended_budget", a.recommendedBudget()))
                        .toList());
        webhooks.publish("recommendation.created", event);
        return body;
    }

    /** Lower-case hex SHA-256 of the JSON {@code mapper} writes for the value, streamed into the digest. */
    String sha256(Object value) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
        mapper.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest), value);
        return HexFormat.of().formatHex(digest.digest());
    }

    private ObjectNode summary(OptimizationProblem problem) {
        ObjectNode summary = mapper.createObjectNode();
        summary.put("objective", problem.objective().name().toLowerCase(Locale.ROOT));
        summary.put("currency", problem.currency());
        summary.put("total_budget", problem.budget().total());
        summary.put("adsets", problem.adSets().size());
        ArrayNode ids = summary.putArray("adset_ids");
        long days = 0;
        LocalDate first = null;
        LocalDate last = null;
        for (AdSetInput a : problem.adSets()) {
            ids.add(a.id());
            days += a.daily().size();
            if (!a.daily().isEmpty()) {
                LocalDate f = a.daily().get(0).date();
                LocalDate l = a.daily().get(a.daily().size() - 1).date();
                first = first == null || f.isBefore(first) ? f : first;
                last = last == null || l.isAfter(last) ? l : last;
            }
        }
        summary.put("daily_rows", days);
        summary.put("first_date", first == null ? null : first.toString());
        summary.put("last_date", last == null ? null : last.toString());
        return summary;
    }

    /** The newest dated row of the problem: the last insight day the optimizer saw; null without dated rows. */
    static LocalDate dataUntil(OptimizationProblem problem) {
        LocalDate last = null;
        for (AdSetInput a : problem.adSets()) {
            if (!a.daily().isEmpty()) {
                LocalDate l = a.daily().get(a.daily().size() - 1).date();
                last = last == null || l.isAfter(last) ? l : last;
            }
        }
        return last;
    }

    private static BigDecimal decimal(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : BigDecimal.valueOf(value);
    }

    private static BigDecimal decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value) : BigDecimal.ZERO;
    }
}
