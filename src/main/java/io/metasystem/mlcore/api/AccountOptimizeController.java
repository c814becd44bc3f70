package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.ml.ModelPriors;
import io.metasystem.mlcore.ml.StoreDatasets;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.store.AdSetHistory;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.InsightStore;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optimizer on stored history: the account's ACTIVE and PAUSED ad sets, their stored daily budget as current
 * budget and their last {@code lookback_days} days, then the same mapping, validation and engine as the stateless
 * endpoint. The answer is saved as a recommendation.
 */
@RestController
@Tag(name = "optimize")
class AccountOptimizeController {
    private final BudgetOptimizer optimizer = new BudgetOptimizer();
    private final OptimizeMapper mapper;
    private final InsightStore store;
    private final RecommendationRecorder recorder;
    private final ObjectMapper json;
    private final ModelPriorSelection selector;

    AccountOptimizeController(
            OptimizeMapper mapper,
            InsightStore store,
            RecommendationRecorder recorder,
            ObjectMapper json,
            ModelPriorSelection selector) {
        this.selector = selector;
        this.mapper = mapper;
        this.store = store;
        this.recorder = recorder;
        this.json = json;
    }

    @PostMapping(
            value = "/api/v1/accounts/{account_id}/optimize",
            consumes = "application/json",
            produces = "application/json")
    @Timed(value = "mlcore.optimize.account", description = "Time to load history, optimise, map and save one request")
    @Operation(
            summary = "Allocate tomorrow's daily budget across the stored ad sets of an account",
            description = "Same body as /api/v1/meta_ads/optimize without adsets, plus lookback_days (default 28) and "
                    + "campaign_id. 404 for an unknown account, 422 when it has no ACTIVE or PAUSED ad set. "
                    + "The answer carries recommendation_id and the history window used.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Budget per ad set with reasons, plus recommendation_id and history",
                        content = @Content(schema = @Schema(implementation = OptimizeResponse.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Invalid input; errors[] names each field",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ProblemSchema.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "Unknown account",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ProblemSchema.class))),
                @ApiResponse(
                        responseCode = "422",
                        description = "No ACTIVE or PAUSED ad set, or constraints cannot all hold",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ProblemSchema.class)))
            })
    ResponseEntity<Object> optimize(
            @PathVariable("account_id") String accountId, @RequestBody AccountOptimizeRequest request) {
        String id = AccountController.accountId(accountId);
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
        store.requireAccount(id);
        LocalDate last = store.lastDate(id);
        LocalDate to = last == null ? LocalDate.now() : last;
        LocalDate from = to.minusDays(lookback - 1L);
        List<AdSetHistory> histories = store.histories(id, campaign, from, to);
        if (histories.isEmpty()) {
            String detail = "Account '" + id + "' has no ACTIVE or PAUSED ad set"
                    + (campaign == null ? "" : " in campaign '" + campaign + "'")
                    + "; import its insights first.";
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE,
                    "Nothing to optimize",
                    detail,
                    List.of(new FieldProblem(
                            campaign == null ? "account_id" : "campaign_id", "no ACTIVE or PAUSED ad set")),
                    Map.of(),
                    null);
        }
        String currency = request.currency() != null
                ? request.currency()
                : histories.stream()
                        .map(h -> h.adSet().currency())
                        .filter(c -> c != null)
                        .findFirst()
                        .orElse(null);
        Optional<ModelPriorSelection.Selection> selection =
                selector.select(request.useModelPriors(), request.modelScope(), id);
        List<ModelPriorSelection.Applied> applied = new ArrayList<>();
        List<OptimizeRequest.AdSet> adSets = adSets(histories);
        if (selection.isPresent()) {
            adSets = withModelPriors(histories, adSets, selection.get().champion(), from, to.plusDays(1), applied);
        }
        OptimizeRequest full = new OptimizeRequest(
                request.objective(),
                currency,
                request.budget(),
                request.targets(),
                request.riskAversion(),
                request.earlyStop(),
                request.halfLifeDays(),
                request.seed(),
                adSets,
                null,
                null);
        OptimizationProblem problem = mapper.toProblem(full);
        OptimizationResult result = optimizer.optimize(problem);
        ObjectNode hashed = json.createObjectNode();
        hashed.put("account_id", id);
        hashed.set("request", json.valueToTree(request));
        OptimizeResponse answer = mapper.toResponse(problem, result);
        ModelPriors.Champion champion = ModelPriorSelection.named(selection, applied);
        if (champion != null) {
            answer = answer.withModel(
                    champion.model().version(), champion.model().modelId());
        }
        ObjectNode response = json.valueToTree(answer);
        ObjectNode window = response.putObject("history");
        window.put("account_id", id);
        window.put("from", from.toString());
        window.put("to", to.toString());
        window.put("lookback_days", lookback);
        window.put("campaign_id", campaign);
        ObjectNode body =
                recorder.record(id, hashed, problem, result, response, champion == null ? null : champion.label());
        if (champion != null) {
            selector.log(
                    selection.get(), id, applied, body.get("recommendation_id").asString());
        }
        return ResponseEntity.ok(body);
    }

    /**
     * Stored ad sets with attributes get the champion's prior for {@code day} (the day after the history). Besides the
     * attributes the model sees {@code campaign} (campaign id) and the numeric features of the store data set
     * ({@link StoreDatasets#NUMERIC}) computed from the loaded history: {@code day_of_week} of {@code day},
     * {@code days_since_start} from the ad set's first stored day, {@code recent_spend_lag7} (missing when the loaded
     * history starts after day − 13 and the ad set is older) and {@code log_spend} of the current daily budget
     * (omitted without one: the training median).
     */
    static List<OptimizeRequest.AdSet> withModelPriors(
            List<AdSetHistory> histories,
            List<OptimizeRequest.AdSet> adSets,
            ModelPriors.Champion champion,
            LocalDate historyFrom,
            LocalDate day,
            List<ModelPriorSelection.Applied> applied) {
        List<OptimizeRequest.AdSet> out = new ArrayList<>();
        for (int i = 0; i < adSets.size(); i++) {
            OptimizeRequest.AdSet a = adSets.get(i);
            AdSetHistory h = histories.get(i);
            if (h.adSet().attributes().isEmpty()) {
                out.add(a);
                continue;
            }
            // as in training (StoreDatasets): campaign is the campaign id and numeric features are computed, whatever
            // attributes of those names say
            Map<String, String> features = new HashMap<>(h.adSet().attributes().values());
            features.remove("campaign");
            features.putAll(features(h, historyFrom, day));
            ModelPriors.Prediction prediction =
                    ModelPriorSelection.predict(champion, features, "adsets[" + a.id() + "].attributes");
            Prior p = prediction.prior();
            out.add(new OptimizeRequest.AdSet(
                    a.id(),
                    a.name(),
                    a.status(),
                    a.currentBudget(),
                    a.metrics(),
                    a.daily(),
                    new OptimizeRequest.Prior(p.cpa(), p.cvr(), p.roas(), p.weight(), p.source()),
                    null));
            applied.add(new ModelPriorSelection.Applied(a.id(), day, prediction));
        }
        return out;
    }

    private static Map<String, String> features(AdSetHistory h, LocalDate historyFrom, LocalDate day) {
        Map<String, String> f = new HashMap<>();
        if (h.adSet().campaignId() != null) {
            f.put("campaign", h.adSet().campaignId());
        }
        Map<LocalDate, Double> spend = new HashMap<>();
        h.days().forEach(d -> spend.merge(d.date(), d.spend().doubleValue(), Double::sum));
        // the loaded history covers days d-13..d-7, or the ad set started inside the loaded history
        boolean lagKnown = !historyFrom.isAfter(day.minusDays(13))
                || h.adSet().firstDate() != null && !h.adSet().firstDate().isBefore(historyFrom);
        double[] numeric = StoreDatasets.numeric(
                day,
                h.adSet().firstDate(),
                spend,
                h.adSet().dailyBudget() == null
                        ? Double.NaN
                        : h.adSet().dailyBudget().doubleValue());
        f.put("day_of_week", Double.toString(numeric[0]));
        f.put("days_since_start", Double.toString(numeric[1]));
        f.put("recent_spend_lag7", lagKnown ? Double.toString(numeric[2]) : "NaN");
        if (h.adSet().dailyBudget() != null && h.adSet().dailyBudget().signum() > 0) {
            f.put("log_spend", Double.toString(numeric[3]));
        }
        return f;
    }

    /** Stored ad sets as request ad sets, so the stateless validation and mapping apply unchanged. */
    static List<OptimizeRequest.AdSet> adSets(List<AdSetHistory> histories) {
        List<OptimizeRequest.AdSet> out = new ArrayList<>();
        for (AdSetHistory h : histories) {
            List<OptimizeRequest.Daily> daily = new ArrayList<>();
            for (DailyInsight d : h.days()) {
                daily.add(new OptimizeRequest.Daily(
                        d.date(),
                        d.spend().doubleValue(),
                        d.impressions() == null ? null : d.impressions().doubleValue(),
                        d.clicks() == null ? null : d.clicks().doubleValue(),
                        d.conversions() == null ? 0.0 : d.conversions().doubleValue(),
                        d.revenue() == null ? null : d.revenue().doubleValue()));
            }
            out.add(new OptimizeRequest.AdSet(
                    h.adSet().id(),
                    h.adSet().name(),
                    h.adSet().status(),
                    h.adSet().dailyBudget() == null
                            ? null
                            : h.adSet().dailyBudget().doubleValue(),
                    null,
                    daily,
                    null,
                    null));
        }
        return out;
    }
}
