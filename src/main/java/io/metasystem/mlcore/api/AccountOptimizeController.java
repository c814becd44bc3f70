package io.metasystem.mlcore.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import io.metasystem.mlcore.store.AdSetHistory;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.InsightStore;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

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

    AccountOptimizeController(OptimizeMapper mapper, InsightStore store, RecommendationRecorder recorder, ObjectMapper json) {
        this.mapper = mapper;
        this.store = store;
        this.recorder = recorder;
        this.json = json;
    }

    @PostMapping(value = "/api/v1/accounts/{account_id}/optimize", consumes = "application/json", produces = "application/json")
    @Timed(value = "mlcore.optimize.account", description = "Time to load history, optimise, map and save one request")
    @Operation(summary = "Allocate tomorrow's daily budget across the stored ad sets of an account",
            description = "Same body as /api/v1/meta_ads/optimize without adsets, plus lookback_days (default 28) and "
                    + "campaign_id. 404 for an unknown account, 422 when it has no ACTIVE or PAUSED ad set. "
                    + "The answer carries recommendation_id and the history window used.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Budget per ad set with reasons, plus recommendation_id and history",
                            content = @Content(schema = @Schema(implementation = OptimizeResponse.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid input; errors[] names each field",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemSchema.class))),
                    @ApiResponse(responseCode = "404", description = "Unknown account",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemSchema.class))),
                    @ApiResponse(responseCode = "422", description = "No ACTIVE or PAUSED ad set, or constraints cannot all hold",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemSchema.class)))})
    ResponseEntity<Object> optimize(@PathVariable("account_id") String accountId, @RequestBody AccountOptimizeRequest request) {
        String id = AccountController.accountId(accountId);
        if (request.budget() == null) {
            throw new RequestValidationException("budget", "is required");
        }
        int lookback = request.lookbackDays() == null ? AccountOptimizeRequest.DEFAULT_LOOKBACK_DAYS : request.lookbackDays();
        if (lookback < 1 || lookback > AccountOptimizeRequest.MAX_LOOKBACK_DAYS) {
            throw new RequestValidationException("lookback_days",
                    "must be between 1 and " + AccountOptimizeRequest.MAX_LOOKBACK_DAYS + ", was " + lookback);
        }
        String campaign = request.campaignId() == null || request.campaignId().isBlank() ? null : request.campaignId().strip();
        store.requireAccount(id);
        LocalDate last = store.lastDate(id);
        LocalDate to = last == null ? LocalDate.now() : last;
        LocalDate from = to.minusDays(lookback - 1L);
        List<AdSetHistory> histories = store.histories(id, campaign, from, to);
        if (histories.isEmpty()) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Nothing to optimize",
                    "Account '" + id + "' has no ACTIVE or PAUSED ad set" + (campaign == null ? "" : " in campaign '" + campaign + "'")
                            + "; import its insights first.");
            ProblemResponses.withErrors(problem, List.of(new FieldProblem(campaign == null ? "account_id" : "campaign_id",
                    "no ACTIVE or PAUSED ad set")));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
        }
        String currency = request.currency() != null ? request.currency() : histories.stream()
                .map(h -> h.adSet().currency()).filter(c -> c != null).findFirst().orElse(null);
        OptimizeRequest full = new OptimizeRequest(request.objective(), currency, request.budget(), request.targets(),
                request.riskAversion(), request.earlyStop(), request.halfLifeDays(), request.seed(), adSets(histories));
        OptimizationProblem problem = mapper.toProblem(full);
        OptimizationResult result = optimizer.optimize(problem);
        ObjectNode hashed = json.createObjectNode();
        hashed.put("account_id", id);
        hashed.set("request", json.valueToTree(request));
        ObjectNode response = json.valueToTree(mapper.toResponse(problem, result));
        ObjectNode window = response.putObject("history");
        window.put("account_id", id);
        window.put("from", from.toString());
        window.put("to", to.toString());
        window.put("lookback_days", lookback);
        window.put("campaign_id", campaign);
        return ResponseEntity.ok(recorder.record(id, hashed, problem, result, response, null));
    }

    /** Stored ad sets as request ad sets, so the stateless validation and mapping apply unchanged. */
    static List<OptimizeRequest.AdSet> adSets(List<AdSetHistory> histories) {
        List<OptimizeRequest.AdSet> out = new ArrayList<>();
        for (AdSetHistory h : histories) {
            List<OptimizeRequest.Daily> daily = new ArrayList<>();
            for (DailyInsight d : h.days()) {
                daily.add(new OptimizeRequest.Daily(d.date(), d.spend().doubleValue(),
                        d.impressions() == null ? null : d.impressions().doubleValue(),
                        d.clicks() == null ? null : d.clicks().doubleValue(),
                        d.conversions() == null ? 0.0 : d.conversions().doubleValue(),
                        d.revenue() == null ? null : d.revenue().doubleValue()));
            }
            out.add(new OptimizeRequest.AdSet(h.adSet().id(), h.adSet().name(), h.adSet().status(),
                    h.adSet().dailyBudget() == null ? null : h.adSet().dailyBudget().doubleValue(), null, daily, null));
        }
        return out;
    }
}
