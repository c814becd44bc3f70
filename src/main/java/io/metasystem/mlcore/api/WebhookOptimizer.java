package io.metasystem.mlcore.api;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The optimize action of the n8n webhook: optimize an account from its stored history. */
@Component
class WebhookOptimizer {
    Object optimize(String accountId, JsonNode params) {
        throw new RequestValidationException("action", "optimize needs the campaign-history store, not in this build");
    }
}
