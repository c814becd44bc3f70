package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.recommendation.AccountOptimize;
import io.metasystem.mlcore.recommendation.HistoryRequest;
import io.metasystem.mlcore.recommendation.OptimizeSettings;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire side of "optimize an account on its stored history", shared by {@code POST
 * /api/v1/accounts/{account_id}/optimize} and the n8n webhook's {@code optimize} action: checks the request, calls
 * the {@code recommendation} package's {@link AccountOptimize} use case, which maps the result to the answer (the
 * stateless answer plus {@code history}, through {@link WireAnswers}) and records it.
 */
@Component
class AccountOptimizeFlow {
    private final AccountOptimize useCase;
    private final OptimizeMapper mapper;
    private final ObjectMapper json;

    AccountOptimizeFlow(AccountOptimize useCase, OptimizeMapper mapper, ObjectMapper json) {
        this.useCase = useCase;
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
        OptimizeSettings settings = mapper.toSettings(request);
        return useCase.optimize(
                new AccountOptimize.Request(
                        id,
                        settings,
                        new HistoryRequest.SeedBasis(
                                request.objective(),
                                request.budget(),
                                request.targets(),
                                request.riskAversion(),
                                request.earlyStop(),
                                request.halfLifeDays()),
                        OptimizeMapper.isStreams(request.objective()),
                        request.lookbackDays(),
                        request.campaignId(),
                        request.useModelPriors(),
                        request.modelScope(),
                        request.lockedAdsets(),
                        request.totalSweep(),
                        request.horizonDays()),
                request);
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
