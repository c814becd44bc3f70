package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mlcore.api-key=" + HttpClientSupport.KEY, "mlcore.max-request-size=64KB"})
class ServiceFoundationTest {
    private static final String OPTIMIZE = "/api/v1/meta_ads/optimize";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    @Test
    void healthIsOpenAndReportsDummyMode() {
        HttpResponse<String> response = http.send(http.request("/health").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("dummy_mode").asBoolean()).isTrue();
        assertThat(body.get("version").asString()).isNotBlank();
    }

    @Test
    void echoesCallerRequestIdAndMakesOneOtherwise() {
        HttpResponse<String> given = http.send(http.request("/health")
                .header("X-Request-Id", "n8n-run-42")
                .GET()
                .build());
        assertThat(given.headers().firstValue("X-Request-Id")).contains("n8n-run-42");
        HttpResponse<String> made = http.send(http.request("/health").GET().build());
        assertThat(made.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        HttpResponse<String> unsafe = http.send(http.request("/health")
                .header("X-Request-Id", "bad id\twith spaces")
                .GET()
                .build());
        assertThat(unsafe.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void apiWithoutKeyIsUnauthorizedProblem() {
        HttpResponse<String> response = http.send(
                http.request(OPTIMIZE).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(response, 401, "Unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("X-API-Key");
    }

    @Test
    void apiWithWrongKeyIsUnauthorizedInBothHeaderForms() {
        assertProblem(
                http.send(http.request(OPTIMIZE)
                        .header("X-API-Key", "wrong-key-wrong-key")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()),
                401,
                "Unauthorized");
        assertProblem(
                http.send(http.request(OPTIMIZE)
                        .header("Authorization", "Bearer wrong-key-wrong-key")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()),
                401,
                "Unauthorized");
    }

    @Test
    void acceptsTheKeyAsHeaderOrBearerToken() {
        HttpResponse<String> header = http.send(http.request("/api/v1/nothing-here")
                .header("X-API-Key", HttpClientSupport.KEY)
                .GET()
                .build());
        HttpResponse<String> bearer = http.send(http.request("/api/v1/nothing-here")
                .header("Authorization", "Bearer " + HttpClientSupport.KEY)
                .GET()
                .build());
        assertProblem(header, 404, "Not Found");
        assertProblem(bearer, 404, "Not Found");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() {
        HttpResponse<String> response =
                http.send(http.request("/health").DELETE().build());
        assertProblem(response, 405, "Method Not Allowed");
    }

    @Test
    void bodyOverTheLimitIsContentTooLarge() {
        String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> response = http.postJson(OPTIMIZE, big);
        assertProblem(response, 413, "Content Too Large");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("MAX_REQUEST_SIZE");
    }

    @Test
    void problemsNeverCarryTheKeyOrAStackTrace() {
        HttpResponse<String> response = http.send(http.request(OPTIMIZE)
                .header("X-API-Key", HttpClientSupport.KEY + "x")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(response.body())
                .doesNotContain(HttpClientSupport.KEY)
                .doesNotContain("at io.")
                .doesNotContain("Exception");
    }

    @Test
    void publishesOpenApi31AndSwaggerUi() {
        HttpResponse<String> docs = http.send(http.request("/v3/api-docs").GET().build());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode spec = JSON.readTree(docs.body());
        assertThat(spec.get("openapi").asString()).startsWith("3.1");
        assertThat(spec.at("/components/securitySchemes/apiKey/name").asString())
                .isEqualTo("X-API-Key");
        assertThat(spec.at("/paths/~1health/get").isMissingNode()).isFalse();
        HttpResponse<String> ui = http.send(http.request("/docs").GET().build());
        assertThat(ui.statusCode()).isIn(200, 302);
    }

    @Test
    void exposesPrometheusLatencyHistogramsPerRoute() {
        http.send(http.request("/health").GET().build());
        HttpResponse<String> metrics =
                http.send(http.request("/actuator/prometheus").GET().build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_bucket")
                .contains("uri=\"/health\"");
    }

    static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isEqualTo(title);
        assertThat(body.get("detail").asString()).isNotBlank();
    }
}
