package io.metasystem.mlcore.api;

import io.metasystem.mlcore.ml.ModelPriors;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import io.metasystem.mlcore.optimizer.Prior;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stateless optimizer: the caller sends the whole state, nothing is read from storage. */
@RestController
@Tag(name = "optimize")
class OptimizeController {
    private final BudgetOptimizer optimizer = new BudgetOptimizer();
    private final OptimizeMapper mapper;
    private final RecommendationRecorder recorder;
    private final ObjectMapper json;

    private final ModelPriorSelection selector;
    private final Clock clock;

    OptimizeController(
            OptimizeMapper mapper,
            RecommendationRecorder recorder,
            ObjectMapper json,
            ModelPriorSelection selector,
            Clock clock) {
        this.mapper = mapper;
        this.recorder = recorder;
        this.json = json;
        this.selector = selector;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/meta_ads/optimize", consumes = "application/json", produces = "application/json")
    @Timed(value = "mlcore.optimize", description = "Time to validate, optimise and map one request")
    @Operation(
            summary = "Allocate tomorrow's daily budget across ad sets",
            description =
                    "Bayesian posteriors per ad set, diminishing returns, risk penalty, Thompson-sampling exploration "
                            + "and early stop. Deterministic: the same request (and seed) gives the same answer.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = OptimizeRequest.class))),
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Budget per ad set with reasons",
                        content = @Content(schema = @Schema(implementation = OptimizeResponse.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Invalid input; errors[] names each field",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ProblemSchema.class))),
                @ApiResponse(
                        responseCode = "401",
                        description = "Missing or wrong API key",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ProblemSchema.class))),
                @ApiResponse(
                        responseCode = "422",
                        description = "Constraints cannot all hold; says which and by how much",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ProblemSchema.class)))
            })
    Object optimize(
            @RequestBody OptimizeRequest request,
            @RequestParam(name = "account_id", required = false) String accountId) {
        String account = accountId == null || accountId.isBlank() ? null : AccountController.accountId(accountId);
        Optional<ModelPriorSelection.Selection> selection = request == null
                ? Optional.empty()
                : selector.select(request.useModelPriors(), request.modelScope(), account);
        OptimizeRequest effective = request;
        List<ModelPriorSelection.Applied> applied = new ArrayList<>();
        if (selection.isPresent()) {
            effective = withModelPriors(request, selection.get().champion(), applied, clock);
        }
        OptimizationProblem problem = mapper.toProblem(effective);
        OptimizationResult result = optimizer.optimize(problem);
        // saved as a recommendation; the answer carries its recommendation_id (and the model used, if any)
        OptimizeResponse response = mapper.toResponse(problem, result);
        ModelPriors.Champion champion = ModelPriorSelection.named(selection, applied);
        if (champion != null) {
            response = response.withModel(
                    champion.model().version(), champion.model().modelId());
        }
        ObjectNode body = recorder.record(
                account,
                json.valueToTree(request),
                problem,
                result,
                response,
                champion == null ? null : champion.label());
        if (champion != null) {
            selector.log(
                    selection.get(),
                    account,
                    applied,
                    body.get("recommendation_id").asString());
        }
        return body;
    }

    /**
     * Ad sets with attributes and no explicit prior get the champion's prior; an explicit prior always wins. The
     * prediction is for the day after the ad set's last daily row (today when it has none).
     */
    private static OptimizeRequest withModelPriors(
            OptimizeRequest r, ModelPriors.Champion champion, List<ModelPriorSelection.Applied> applied, Clock clock) {
        if (r.adsets() == null) {
            return r;
        }
        List<OptimizeRequest.AdSet> adSets = new ArrayList<>();
        for (int i = 0; i < r.adsets().size(); i++) {
            OptimizeRequest.AdSet a = r.adsets().get(i);
            if (a != null
                    && a.prior() == null
                    && a.attributes() != null
                    && !a.attributes().isEmpty()) {
                ModelPriors.Prediction prediction =
                        ModelPriorSelection.predict(champion, a.attributes(), "adsets[" + i + "].attributes");
                Prior p = prediction.prior();
                a = new OptimizeRequest.AdSet(
                        a.id(),
                        a.name(),
                        a.status(),
                        a.currentBudget(),
                        a.metrics(),
                        a.daily(),
                        new OptimizeRequest.Prior(p.cpa(), p.cvr(), p.roas(), p.weight(), p.source()),
                        a.attributes());
                applied.add(new ModelPriorSelection.Applied(a.id(), predictionDay(a, clock), prediction));
            }
            adSets.add(a);
        }
        return new OptimizeRequest(
                r.objective(),
                r.currency(),
                r.budget(),
                r.targets(),
                r.riskAversion(),
                r.earlyStop(),
                r.halfLifeDays(),
                r.seed(),
                adSets,
                r.useModelPriors(),
                r.modelScope());
    }

    private static LocalDate predictionDay(OptimizeRequest.AdSet a, Clock clock) {
        LocalDate last = a.daily() == null
                ? null
                : a.daily().stream()
                        .filter(d -> d != null && d.date() != null)
                        .map(OptimizeRequest.Daily::date)
                        .max(LocalDate::compareTo)
                        .orElse(null);
        return last != null ? last.plusDays(1) : LocalDate.now(clock);
    }
}
