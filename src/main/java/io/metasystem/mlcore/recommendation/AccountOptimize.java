package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.errors.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The use case "optimize an account on its stored history and record the answer", shared by {@code POST
 * /api/v1/accounts/{account_id}/optimize}, the n8n webhook's {@code optimize} action and the dashboard's
 * <em>Optimize now</em> form: checks the history window and the locked ad sets, values conversions in streams when
 * asked, calls {@link Recommender}, and records the answer ({@link OptimizeAnswers} plus {@code history} and, for the
 * streams objective, {@code streams}).
 */
@Component
public class AccountOptimize {
    /** Days of history when the request names none. */
    public static final int DEFAULT_LOOKBACK_DAYS = 28;
    /** The longest history window. */
    public static final int MAX_LOOKBACK_DAYS = 365;

    private final Recommender recommender;
    private final StreamsValues streamsValues;
    private final OptimizeAnswers answers;

    AccountOptimize(Recommender recommender, StreamsValues streamsValues, OptimizeAnswers answers) {
        this.recommender = recommender;
        this.streamsValues = streamsValues;
        this.answers = answers;
    }

    /**
     * An account optimization as asked.
     *
     * @param accountId the account in the stored spelling (without {@code act_}); never null
     * @param settings the validated settings; for the streams objective the value objective
     * @param seedBasis the settings as the caller sent them, from which the default seed is derived
     * @param streams true: each conversion is worth its artist's incremental streams ({@link StreamsValues})
     * @param lookbackDays days of history, 1 to {@value #MAX_LOOKBACK_DAYS}; null: {@value #DEFAULT_LOOKBACK_DAYS}
     * @param campaignId only the ad sets of this campaign; null or blank: every campaign
     * @param useModelPriors true: priors from a champion, false: none, null: the default rule
     * @param modelScope the registry scope of the model; null: the default scopes
     * @param lockedAdsets ids of stored ad sets kept at their stored daily budget; null: none
     * @param totalSweep what-if totals, validated; null: none
     * @param horizonDays days of a multi-day plan, validated; null: none
     */
    public record Request(
            String accountId,
            OptimizeSettings settings,
            HistoryRequest.SeedBasis seedBasis,
            boolean streams,
            Integer lookbackDays,
            String campaignId,
            Boolean useModelPriors,
            String modelScope,
            List<String> lockedAdsets,
            List<Double> totalSweep,
            Integer horizonDays) {

        /** A request with the defaults: every campaign, the default history window and priors, nothing locked. */
        public static Request withDefaults(
                String accountId, OptimizeSettings settings, HistoryRequest.SeedBasis seedBasis) {
            return new Request(accountId, settings, seedBasis, false, null, null, null, null, null, null, null);
        }
    }

    /**
     * Optimizes and records.
     *
     * @param asReceived the request as the caller received it (a DTO or a map Jackson can write), whose hash is
     *     recorded
     * @return the recorded answer, {@code recommendation_id} first
     * @throws InvalidInputException naming {@code lookback_days} or {@code locked_adsets[k]}
     */
    public ObjectNode optimize(Request request, Object asReceived) {
        int lookback = request.lookbackDays() == null ? DEFAULT_LOOKBACK_DAYS : request.lookbackDays();
        if (lookback < 1 || lookback > MAX_LOOKBACK_DAYS) {
            throw new InvalidInputException(
                    "lookback_days", "must be between 1 and " + MAX_LOOKBACK_DAYS + ", was " + lookback);
        }
        String campaign = request.campaignId() == null || request.campaignId().isBlank()
                ? null
                : request.campaignId().strip();
        List<String> locked = request.lockedAdsets() == null ? List.of() : request.lockedAdsets();
        for (int k = 0; k < locked.size(); k++) {
            if (locked.get(k) == null || locked.get(k).isBlank()) {
                throw new InvalidInputException("locked_adsets[" + k + "]", "must be an ad-set id");
            }
        }
        String id = request.accountId();
        StreamsValues.Result streams = request.streams() ? streamsValues.of(id) : null;
        Optimized optimized = recommender.optimize(new HistoryRequest(
                id,
                request.settings(),
                request.seedBasis(),
                lookback,
                campaign,
                request.useModelPriors(),
                request.modelScope(),
                request.lockedAdsets(),
                streams == null ? Map.of() : streams.values()));
        ObjectNode response = answers.answer(optimized, request.totalSweep(), request.horizonDays());
        Optimized.History history = optimized.history();
        ObjectNode window = response.putObject("history");
        window.put("account_id", history.accountId());
        window.put("from", history.from().toString());
        window.put("to", history.to().toString());
        window.put("lookback_days", history.lookbackDays());
        window.put("campaign_id", history.campaignId());
        if (streams != null) {
            addStreams(response, streams);
        }
        answers.addWarnings(response);
        return recommender.record(optimized, asReceived, response);
    }

    /** The {@code streams} block (which estimate valued which ad sets) and its warnings. */
    private static void addStreams(ObjectNode response, StreamsValues.Result streams) {
        ObjectNode block = response.putObject("streams");
        block.put(
                "note",
                "objective streams: expected value = expected conversions × the artist's INCREMENTAL streams per Meta "
                        + "conversion (not total streams), from GET /api/v1/artists/{artist_id}/attribution");
        ArrayNode artists = block.putArray("artists");
        for (StreamsValues.ArtistValue a : streams.artists()) {
            ObjectNode node = artists.addObject();
            node.put("artist_id", a.artistId());
            node.put("name", a.name());
            node.put("from", a.from().toString());
            node.put("to", a.to().toString());
            if (a.perConversion() == null) {
                node.putNull("incremental_streams_per_conversion");
            } else {
                node.putObject("incremental_streams_per_conversion")
                        .put("mean", a.perConversion().mean())
                        .put("sd", a.perConversion().standardDeviation());
            }
            ArrayNode ids = node.putArray("adset_ids");
            a.adsetIds().forEach(ids::add);
        }
        JsonNode existing = response.get("warnings");
        ArrayNode warnings = existing instanceof ArrayNode array ? array : response.putArray("warnings");
        streams.warnings().forEach(warnings::add);
    }
}
