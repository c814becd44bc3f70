package io.metasystem.mlcore.api;

import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.recommendation.Optimized;
import io.metasystem.mlcore.recommendation.Recommender;
import io.metasystem.mlcore.recommendation.StatelessRequest;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The stateless optimizer: the caller sends the whole state, nothing is read from storage. */
@RestController
@Tag(name = "optimize")
class OptimizeController {
    private final OptimizeMapper mapper;
    private final Recommender recommender;
    private final WireAnswers answers;
    private final Clock clock;

    OptimizeController(OptimizeMapper mapper, Recommender recommender, WireAnswers answers, Clock clock) {
        this.mapper = mapper;
        this.recommender = recommender;
        this.answers = answers;
        this.clock = clock;
    }

    @InvalidInputResponse
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
            @RequestParam(name = "account_id", required = false) String accountId,
            HttpServletRequest servletRequest) {
        String account = Parameters.optionalAccountId(accountId);
        Optimized optimized = recommender.optimize(new StatelessRequest(
                account,
                request.useModelPriors(),
                request.modelScope(),
                wanted(request, clock),
                priors -> mapper.toProblem(withPriors(request, priors))));
        // saved as a recommendation; the answer carries its recommendation_id (and the model used, if any)
        ObjectNode answer = answers.answer(optimized, request.totalSweep(), request.horizonDays());
        answers.addWarnings(answer);
        // request_hash: SHA-256 of the body bytes, taken by RequestBodyDigest while Jackson read them
        Object bodyHash = servletRequest.getAttribute(RequestBodyDigest.ATTRIBUTE);
        return bodyHash instanceof String hash
                ? recommender.recordHashed(optimized, hash, answer)
                : recommender.record(optimized, request, answer);
    }

    /** Ad sets with attributes and no explicit prior: a selected champion gives them a prior. */
    private static List<StatelessRequest.PriorWanted> wanted(OptimizeRequest r, Clock clock) {
        List<StatelessRequest.PriorWanted> wanted = new ArrayList<>();
        if (r.adsets() == null) {
            return wanted;
        }
        for (int i = 0; i < r.adsets().size(); i++) {
            OptimizeRequest.AdSet a = r.adsets().get(i);
            if (a != null
                    && a.prior() == null
                    && a.attributes() != null
                    && !a.attributes().isEmpty()) {
                wanted.add(new StatelessRequest.PriorWanted(i, a.id(), a.attributes(), predictionDay(a, clock)));
            }
        }
        return wanted;
    }

    /** The request with the model's priors filled in (by ad-set index); the request itself when there are none. */
    private static OptimizeRequest withPriors(OptimizeRequest r, Map<Integer, Prior> priors) {
        if (priors.isEmpty()) {
            return r;
        }
        List<OptimizeRequest.AdSet> adSets = new ArrayList<>();
        for (int i = 0; i < r.adsets().size(); i++) {
            OptimizeRequest.AdSet a = r.adsets().get(i);
            Prior p = priors.get(i);
            if (p != null) {
                a = a.withPrior(new OptimizeRequest.Prior(p.cpa(), p.cvr(), p.roas(), p.weight(), p.source()));
            }
            adSets.add(a);
        }
        return r.withAdsets(adSets);
    }

    /** The day after the ad set's last daily row (today when it has none). */
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
