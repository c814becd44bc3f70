package io.metasystem.mlcore.api;

import io.metasystem.mlcore.ml.ModelPriors;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
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

/** The stateless optimizer: the caller sends the whole state, nothing is read from storage. */
@RestController
@Tag(name = "optimize")
class OptimizeController {
    private final BudgetOptimizer optimizer = new BudgetOptimizer();
    private final OptimizeMapper mapper;
    private final RecommendationRecorder recorder;
    private final ObjectMapper json;

    private final ModelPriors modelPriors;

    OptimizeController(OptimizeMapper mapper, RecommendationRecorder recorder, ObjectMapper json, ModelPriors modelPriors) {
        this.mapper = mapper;
        this.recorder = recorder;
        this.json = json;
        this.modelPriors = modelPriors;
    }

    @PostMapping(value = "/api/v1/meta_ads/optimize", consumes = "application/json", produces = "application/json")
    @Timed(value = "mlcore.optimize", description = "Time to validate, optimise and map one request")
    @Operation(summary = "Allocate tomorrow's daily budget across ad sets",
            description = "Bayesian posteriors per ad set, diminishing returns, risk penalty, Thompson-sampling exploration "
                    + "and early stop. Deterministic: the same request (and seed) gives the same answer.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = OptimizeRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Budget per ad set with reasons", content = @Content(
                            schema = @Schema(implementation = OptimizeResponse.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid input; errors[] names each field",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemSchema.class))),
                    @ApiResponse(responseCode = "401", description = "Missing or wrong API key",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemSchema.class))),
                    @ApiResponse(responseCode = "422", description = "Constraints cannot all hold; says which and by how much",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemSchema.class)))})
    Object optimize(@RequestBody OptimizeRequest request,
                    @RequestParam(name = "account_id", required = false) String accountId) {
        String account = accountId == null || accountId.isBlank() ? null : AccountController.accountId(accountId);
        ModelPriors.Champion champion = null;
        OptimizeRequest effective = request;
        if (request != null && Boolean.TRUE.equals(request.useModelPriors())) {
            if (request.modelScope() == null || request.modelScope().isBlank()) {
                throw new RequestValidationException("model_scope", "is required when use_model_priors is true");
            }
            champion = modelPriors.champion(request.modelScope());
            effective = withModelPriors(request, champion);
        }
        OptimizationProblem problem = mapper.toProblem(effective);
        OptimizationResult result = optimizer.optimize(problem);
        // saved as a recommendation; the answer carries its recommendation_id (and the model used, if any)
        OptimizeResponse response = mapper.toResponse(problem, result);
        if (champion != null) {
            response = response.withModel(champion.model().version(), champion.model().modelId());
        }
        return recorder.record(account, json.valueToTree(request), problem, result, response,
                champion == null ? null : champion.label());
    }

    /** Ad sets with attributes and no explicit prior get the champion's prior; an explicit prior always wins. */
    private static OptimizeRequest withModelPriors(OptimizeRequest r, ModelPriors.Champion champion) {
        if (r.adsets() == null) {
            return r;
        }
        java.util.List<OptimizeRequest.AdSet> adSets = new java.util.ArrayList<>();
        for (int i = 0; i < r.adsets().size(); i++) {
            OptimizeRequest.AdSet a = r.adsets().get(i);
            if (a != null && a.prior() == null && a.attributes() != null && !a.attributes().isEmpty()) {
                io.metasystem.mlcore.optimizer.Prior p;
                try {
                    p = champion.prior(a.attributes());
                } catch (IllegalArgumentException e) {
                    throw new RequestValidationException("adsets[" + i + "].attributes." + e.getMessage().split(":")[0],
                            e.getMessage().substring(e.getMessage().indexOf(':') + 1).trim());
                }
                a = new OptimizeRequest.AdSet(a.id(), a.name(), a.status(), a.currentBudget(), a.metrics(), a.daily(),
                        new OptimizeRequest.Prior(p.cpa(), p.cvr(), p.roas(), p.weight(), p.source()), a.attributes());
            }
            adSets.add(a);
        }
        return new OptimizeRequest(r.objective(), r.currency(), r.budget(), r.targets(), r.riskAversion(), r.earlyStop(),
                r.halfLifeDays(), r.seed(), adSets, r.useModelPriors(), r.modelScope());
    }
}
