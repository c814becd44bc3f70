package io.metasystem.mlcore.api;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optimizer on stored history: the account's ACTIVE and PAUSED ad sets, their stored daily budget as current
 * budget and their last {@code lookback_days} days ({@link io.metasystem.mlcore.recommendation.Recommender}), the same
 * settings validation and engine as the stateless endpoint. The answer is saved as a recommendation
 * ({@link AccountOptimizeFlow}, shared with the n8n webhook).
 */
@RestController
@Tag(name = "optimize")
class AccountOptimizeController {
    private final AccountOptimizeFlow flow;

    AccountOptimizeController(AccountOptimizeFlow flow) {
        this.flow = flow;
    }

    @InvalidInputResponse
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
    ObjectNode optimize(@PathVariable("account_id") String accountId, @RequestBody AccountOptimizeRequest request) {
        return flow.optimize(accountId, request);
    }
}
