package io.metasystem.mlcore.api;

import com.sun.net.httpserver.HttpServer;
import io.metasystem.mlcore.config.YoutubeProperties;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.reporting.YoutubeAnalyticsClient;
import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.ObjectMapper;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The API key, the Meta access token, the YouTube access token and the webhook secret never appear in logs, answers
 * (errors included), metrics or the OpenAPI document, through the paths most likely to echo them: a wrong key, a
 * rejected Meta token, a failing sync job, an optimize with its outbound signed event, the Prometheus scrape, and the
 * YouTube client's failures (rejected token, failing server, unreachable API).
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

        for (String secret : List.of(HttpClientSupport.KEY, META_TOKEN, SECRET, YOUTUBE_TOKEN)) {
            assertThat(output.getAll()).as("logs").doesNotContain(secret);
            for (String body : bodies) {
                assertThat(body).as("an answer").doesNotContain(secret);
            }
        }
        // the token was used: the fake received it, so its absence above is not vacuous
        assertThat(GRAPH.received()).isNotEmpty();
    }

    @Autowired
    YoutubeProperties youtube;

    /**
     * The configured YouTube token reaches the Analytics API in its header only: not in the failures a rejected token,
     * a failing server or an unreachable API produce (what the scheduled sync logs and a problem answer would carry),
     * nor in the logs, the configuration's {@code toString}, the metrics, the OpenAPI document or health.
     */
    @Test
    void theYoutubeTokenIsOnlyEverSentInItsHeader(CapturedOutput output) throws Exception {
        assertThat(youtube.accessToken()).isEqualTo(YOUTUBE_TOKEN);
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/v2/reports", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean rejected = exchange.getRequestURI().getRawQuery().contains("UCrejected");
            String body = rejected
                    ? "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                            + "\"errors\":[{\"reason\":\"authError\"}]}}"
                    : "{\"error\":{\"code\":500,\"message\":\"Backend Error\","
                            + "\"errors\":[{\"reason\":\"backendError\"}]}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(rejected ? 401 : 500, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        fake.start();
        List<String> failures = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + fake.getAddress().getPort();
            for (String channel : List.of("UCrejected", "UCbroken")) {
                failures.addAll(failureOf(base, channel));
            }
        } finally {
            fake.stop(0);
        }
        // Nothing listens on port 9 (discard) of the loopback: the connection is refused.
        failures.addAll(failureOf("http://127.0.0.1:9", "UCunreachable"));
        assertThat(authorizations).hasSize(3).containsOnly("Bearer " + YOUTUBE_TOKEN);

        HttpClientSupport http = new HttpClientSupport(port);
        failures.add(youtube.toString());
        failures.add(
                http.send(http.request("/actuator/prometheus").GET().build()).body());
        failures.add(http.get("/v3/api-docs").body());
        failures.add(http.get("/health").body());
        for (String text : failures) {
            assertThat(text).doesNotContain(YOUTUBE_TOKEN);
        }
        assertThat(output.getAll()).as("logs").doesNotContain(YOUTUBE_TOKEN);
    }

    /** The failure's detail and errors[] messages of one daily call (two attempts, no waiting). */
    private static List<String> failureOf(String base, String channel) {
        YoutubeAnalyticsClient client =
                new YoutubeAnalyticsClient(base, YOUTUBE_TOKEN, Duration.ofSeconds(5), 2, Duration.ZERO, d -> {});
        ProblemException failure = catchThrowableOfType(
                ProblemException.class,
                () -> client.daily(channel, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
        assertThat(failure).as(channel).isNotNull();
        List<String> texts = new ArrayList<>();
        texts.add(failure.getMessage());
        texts.add(failure.detail());
        failure.errors().forEach(error -> texts.add(error.message()));
        return texts;
    }
}
