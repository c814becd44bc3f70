package io.metasystem.mlcore.api;

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

    OptimizeController(OptimizeMapper mapper, RecommendationRecorder recorder, ObjectMapper json) {
        this.mapper = mapper;
        this.recorder = recorder;
        this.json = json;
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
        OptimizationProblem problem = mapper.toProblem(request);
        OptimizationResult result = optimizer.optimize(problem);
        // saved as a recommendation; the answer carries its recommendation_id
        return recorder.record(account, json.valueToTree(request), problem, result, mapper.toResponse(problem, result), null);
    }
}
