package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key, the Meta access token and the webhook secret never appear in logs, answers (errors included),
 * metrics or the OpenAPI document, through the paths most likely to echo them: a wrong key, a rejected Meta token,
 * a failing sync job, an optimize with its outbound signed event, the Prometheus scrape.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest extends LiveMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META_TOKEN = "EAAB-test-token";

    @Test
    void noSecretInLogsAnswersOrMetrics(CapturedOutput output) throws Exception {
        HttpClientSupport http = new HttpClientSupport(port);
        List<String> bodies = new ArrayList<>();

        HttpResponse<String> wrongKey = http.send(http.request("/api/v1/accounts")
                .header("X-API-Key", HttpClientSupport.KEY + "x")
                .GET()
                .build());
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        bodies.add(wrongKey.body());
        HttpResponse<String> bearer = http.send(http.request("/api/v1/accounts")
                .header("X-API-Key", "")
                .header("Authorization", "Bearer " + HttpClientSupport.KEY.substring(1))
                .GET()
                .build());
        bodies.add(bearer.body());

        HttpResponse<String> optimize = http.postJson(
                OptimizeApiTest.OPTIMIZE, Files.readString(Path.of("docs/examples/optimize-request.json")));
        assertThat(optimize.statusCode()).as(optimize.body()).isEqualTo(200);
        bodies.add(optimize.body());

        GRAPH.script(
                "GET /v23.0/act_778",
                FakeGraphApi.error(400, 190, 463, "Error validating access token: Session has expired", Map.of()));
        GRAPH.reset();
        HttpResponse<String> started = http.postJson("/api/v1/accounts/778/sync", "");
        bodies.add(started.body());
        bodies.add(MetaFlow.awaitJob(
                        http, JSON.readTree(started.body()).get("status_url").asString())
                .toString());

        bodies.add(http.get("/api/v1/webhooks/outbox?limit=50").body());
        bodies.add(http.send(HttpRequest.newBuilder(
                                http.request("/actuator/prometheus").build().uri())
                        .GET()
                        .build())
                .body());
        bodies.add(http.get("/v3/api-docs").body());
        bodies.add(http.get("/health").body());

        for (String secret : List.of(HttpClientSupport.KEY, META_TOKEN, SECRET)) {
            assertThat(output.getAll()).as("logs").doesNotContain(secret);
            for (String body : bodies) {
                assertThat(body).as("an answer").doesNotContain(secret);
            }
        }
        // the token was used: the fake received it, so its absence above is not vacuous
        assertThat(GRAPH.received()).isNotEmpty();
    }
}
