package io.metasystem.mlcore.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Documents what {@link ApiKeyFilter} answers on every {@code /api/**} operation: {@code 401} (a missing or wrong
 * key) and {@code 429} with its {@code Retry-After} header (the key's rate limit, API_RATE_LIMIT_PER_MINUTE, or the
 * address's wrong keys, API_AUTH_FAILURES_PER_MINUTE), both {@code application/problem+json}. The signed n8n
 * webhook does not pass the filter: it keeps its own {@code 401} (a bad signature) and is never limited, so it gets
 * no {@code 429}. Runs after {@link OpenApiExamples}, whose per-operation example files are kept.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiAccessResponses implements OpenApiCustomizer {
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        boolean problemSchema = openApi.getComponents() != null
                && openApi.getComponents().getSchemas() != null
                && openApi.getComponents().getSchemas().containsKey("Problem");
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                boolean filtered = !(path.equals(N8nWebhookController.PATH)
                        && method.name().equals("POST"));
                document(operation, "401", "Missing or wrong credentials", unauthorized(), problemSchema, false);
                if (filtered) {
                    document(operation, "429", "Too many requests", tooManyRequests(), problemSchema, true);
                }
            });
        });
    }

    private static void document(
            Operation operation,
            String status,
            String description,
            Map<String, Object> example,
            boolean problemSchema,
            boolean retryAfter) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse().description(description));
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        MediaType problem = response.getContent().get(PROBLEM_JSON);
        if (problem == null) {
            problem = new MediaType();
            response.getContent().addMediaType(PROBLEM_JSON, problem);
        }
        if (problem.getSchema() == null && problemSchema) {
            problem.setSchema(new Schema<>().$ref("#/components/schemas/Problem"));
        }
        if (problem.getExamples() == null || problem.getExamples().isEmpty()) {
            problem.addExamples(status, new Example().value(example));
        }
        if (retryAfter
                && (response.getHeaders() == null || !response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER))) {
            response.addHeaderObject(
                    HttpHeaders.RETRY_AFTER,
                    new Header()
                            .description("Whole seconds until the next request may succeed (at least 1)")
                            .required(true)
                            .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
        }
    }

    private static Map<String, Object> unauthorized() {
        String detail = "The API key is not valid.";
        return Map.of(
                "type",
                "about:blank",
                "title",
                "Unauthorized",
                "status",
                401,
                "detail",
                detail,
                "errors",
                List.of(Map.of("field", ApiKeyFilter.HEADER, "message", detail)));
    }

    private static Map<String, Object> tooManyRequests() {
        String detail = "This API key sent more than its limit of requests per minute (" + ApiKeyFilter.RATE_VARIABLE
                + "); retry in 12 s.";
        return Map.of(
                "type",
                "about:blank",
                "title",
                "Too Many Requests",
                "status",
                429,
                "detail",
                detail,
                "retry_after_seconds",
                12,
                "errors",
                List.of(Map.of("field", ApiKeyFilter.HEADER, "message", detail)));
    }
}
