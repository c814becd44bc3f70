package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Inbound n8n webhook: signature accept / reject / replay / stale (outbound events: webhooks.OutboundWebhooksTest). */
class N8nWebhookApiTest extends LiveMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OutboundWebhooks outbound;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
        GRAPH.adSet("as1", "Lookalike DE", "ACTIVE", 2000L, "c1");
    }

    private HttpResponse<String> signed(String body, String timestamp, String signature) {
        HttpRequest.Builder b = http.request(N8nWebhookController.PATH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            b.header("X-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("X-Signature", signature);
        }
        return http.send(b.build());
    }

    private HttpResponse<String> signed(String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return signed(body, ts, WebhookSigner.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsAValidSignatureWithoutApiKeyAndStartsASyncJob() {
        HttpResponse<String> response = signed("{\"account_id\":\"act_123\",\"action\":\"sync\","
                + "\"params\":{\"since\":\"2026-11-01\",\"until\":\"2026-11-02\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("action").asString()).isEqualTo("sync");
        assertThat(body.path("job").path("job_id").asString()).isNotBlank();
        assertThat(body.path("job").path("status_url").asString()).startsWith("/api/v1/jobs/");
        MetaFlow.awaitJob(http, body.path("job").path("status_url").asString()); // leaves nothing in flight
    }

    @Test
    void rejectsAWrongSignature() {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String body = "{\"account_id\":\"123\",\"action\":\"sync\"}";
        HttpResponse<String> response = signed(
                body, ts, WebhookSigner.sign("some-other-secret-123", ts, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("X-Signature");
    }

    @Test
    void rejectsATamperedBody() {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String signature = WebhookSigner.sign(SECRET, ts, "{\"action\":\"sync\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(signed("{\"action\":\"apply\"}", ts, signature).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsMissingHeadersEvenWithTheApiKey() {
        HttpResponse<String> response = http.send(http.request(N8nWebhookController.PATH)
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("X-Timestamp");
    }

    @Test
    void rejectsATimestampOutsideFiveMinutes() {
        String ts = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        String body = "{\"account_id\":\"123\",\"action\":\"sync\"}";
        HttpResponse<String> response =
                signed(body, ts, WebhookSigner.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("window");
    }

    @Test
    void rejectsAReplayOfTheSameSignedRequest() {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String body = "{\"account_id\":\"123\",\"action\":\"apply\",\"params\":{\"recommendation_id\":\"nope\"}}";
        String signature = WebhookSigner.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8));
        assertThat(signed(body, ts, signature).statusCode()).isEqualTo(404);
        HttpResponse<String> replay = signed(body, ts, signature);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(replay.body()).get("detail").asString()).contains("Replay");
    }

    @Test
    void unknownActionIsABadRequestNamingTheField() {
        HttpResponse<String> response = signed("{\"account_id\":\"123\",\"action\":\"delete_everything\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())
                        .path("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("action");
    }
}
