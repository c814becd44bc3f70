package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The served /v3/api-docs documents 401 and 429 (problem+json, Retry-After) on every /api/** operation. */
class ApiAccessResponsesTest extends WebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyApiOperationDocuments401And429WithRetryAfter() {
        HttpClientSupport http = new HttpClientSupport(port);
        HttpResponse<String> docs = http.send(http.request("/v3/api-docs").GET().build());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode spec = JSON.readTree(docs.body());
        List<String> checked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        spec.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                if (!METHODS.contains(operation.getKey())) {
                    return;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                checked.add(name);
                JsonNode responses = operation.getValue().get("responses");
                if (!problem(responses.path("401"))) {
                    missing.add(name + ": 401");
                }
                if (name.equals("POST " + N8nWebhookController.PATH)) {
                    // signed by HMAC, not by the API key: never rate limited
                    if (!responses.path("429").isMissingNode()) {
                        missing.add(name + ": a 429 it never answers");
                    }
                    return;
                }
                JsonNode tooMany = responses.path("429");
                if (!problem(tooMany)) {
                    missing.add(name + ": 429");
                }
                if (!tooMany.at("/headers/Retry-After/schema/type").asString("").equals("integer")) {
                    missing.add(name + ": 429 Retry-After header");
                }
            });
        });
        assertThat(checked).as("the spec's /api operations").hasSizeGreaterThan(30);
        assertThat(missing).isEmpty();
        JsonNode optimize429 = spec.at("/paths/~1api~1v1~1meta_ads~1optimize/post/responses/429");
        assertThat(optimize429
                        .at("/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    private static boolean problem(JsonNode response) {
        JsonNode media = response.at("/content/application~1problem+json");
        return !media.isMissingNode()
                && media.has("examples")
                && !media.get("examples").isEmpty();
    }
}
