package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.recommendation.HistoryRequest;
import io.metasystem.mlcore.recommendation.OptimizeSettings;
import io.metasystem.mlcore.recommendation.Optimized;
import io.metasystem.mlcore.recommendation.Recommender;
import io.metasystem.mlcore.recommendation.StreamsValues;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The wire side of "optimize an account on its stored history", shared by {@code POST
 * /api/v1/accounts/{account_id}/optimize} and the n8n webhook's {@code optimize} action: checks the request, calls
 * {@link Recommender}, and maps the result to the answer (the stateless answer plus {@code history}), recorded.
 */
@Component
class AccountOptimizeFlow {
    private final Recommender recommender;
    private final OptimizeMapper mapper;
    private final ObjectMapper json;
    private final AlertWarnings alertWarnings;
    private final StreamsValues streamsValues;

    AccountOptimizeFlow(
            Recommender recommender,
            OptimizeMapper mapper,
            ObjectMapper json,
            AlertWarnings alertWarnings,
            StreamsValues streamsValues) {
        this.recommender = recommender;
        this.streamsValues = streamsValues;
        this.alertWarnings = alertWarnings;
        this.mapper = mapper;
        this.json = json;
    }

    /**
     * @param accountId the account as given (path, body or configuration); checked here
     * @return the recorded answer, {@code recommendation_id} first
     * @throws InvalidInputException naming the field for invalid input
     */
    ObjectNode optimize(String accountId, AccountOptimizeRequest request) {
        String id = Parameters.accountId(accountId);
        if (request.budget() == null) {
            throw new InvalidInputException("budget", "is required");
        }
        int lookback =
                request.lookbackDays() == null ? AccountOptimizeRequest.DEFAULT_LOOKBACK_DAYS : request.lookbackDays();
        if (lookback < 1 || lookback > AccountOptimizeRequest.MAX_LOOKBACK_DAYS) {
            throw new InvalidInputException(
                    "lookback_days",
                    "must be between 1 and " + AccountOptimizeRequest.MAX_LOOKBACK_DAYS + ", was " + lookback);
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
        OptimizeSettings settings = mapper.toSettings(request);
        StreamsValues.Result streams = OptimizeMapper.isStreams(request.objective()) ? streamsValues.of(id) : null;
        Optimized optimized = recommender.optimize(new HistoryRequest(
                id,
                settings,
                new HistoryRequest.SeedBasis(
                        request.objective(),
                        request.budget(),
                        request.targets(),
                        request.riskAversion(),
                        request.earlyStop(),
                        request.halfLifeDays()),
                lookback,
                campaign,
                request.useModelPriors(),
                request.modelScope(),
                request.lockedAdsets(),
                streams == null ? Map.of() : streams.values()));
        ObjectNode response = json.valueToTree(mapper.toAnswer(optimized, request.totalSweep(), request.horizonDays()));
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
        alertWarnings.addTo(response);
        return recommender.record(optimized, request, response);
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

    /**
     * The webhook's {@code params} as an account optimize request ({@code {}} when absent).
     *
     * @throws InvalidInputException naming {@code params.<path>} when they do not map
     */
    AccountOptimizeRequest fromParams(JsonNode params) {
        JsonNode body = params == null || params.isMissingNode() || params.isNull() ? json.createObjectNode() : params;
        try {
            return json.treeToValue(body, AccountOptimizeRequest.class);
        } catch (JacksonException e) {
            String path = ProblemHandler.jsonPath(e.getPath());
            throw new InvalidInputException(
                    "params" + ("$".equals(path) ? "" : "." + path),
                    e.getOriginalMessage() == null
                            ? "is not valid"
                            : e.getOriginalMessage().split("\n")[0]);
        }
    }
}
