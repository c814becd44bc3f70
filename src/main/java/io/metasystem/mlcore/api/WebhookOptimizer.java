package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The optimize action of the n8n webhook: the same as {@code POST /api/v1/accounts/{account_id}/optimize}. */
@Component
class WebhookOptimizer {
    private final AccountOptimizeController accounts;
    private final ObjectMapper mapper;

    WebhookOptimizer(AccountOptimizeController accounts, ObjectMapper mapper) {
        this.accounts = accounts;
        this.mapper = mapper;
    }

    ResponseEntity<Object> optimize(String accountId, JsonNode params) {
        JsonNode body =
                params == null || params.isMissingNode() || params.isNull() ? mapper.createObjectNode() : params;
        AccountOptimizeRequest request;
        try {
            request = mapper.treeToValue(body, AccountOptimizeRequest.class);
        } catch (JacksonException e) {
            String path = ProblemHandler.jsonPath(e.getPath());
            throw new InvalidInputException(
                    "params" + ("$".equals(path) ? "" : "." + path),
                    e.getOriginalMessage() == null
                            ? "is not valid"
                            : e.getOriginalMessage().split("\n")[0]);
        }
        return accounts.optimize(accountId, request);
    }
}
