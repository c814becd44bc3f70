package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted end-to-end flow on the real store: sync (API key) → optimize (signed n8n webhook) → apply (signed n8n
 * webhook) → audit → outbound webhooks. Subclasses run it live and in dummy mode.
 */
abstract class AbstractMetaFlowTest {
    static final String SECRET = "whsec-flow-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The 14 days ending yesterday (UTC), so the data is fresh for the stale-data guardrail. */
    static final LocalDate FIRST_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(14);

    static final LocalDate LAST_DAY = FIRST_DAY.plusDays(13);

    @LocalServerPort
    int port;

    @Autowired
    OutboundWebhooks outbound;

    static void common(DynamicPropertyRegistry r, FakeGraphApi graph, WebhookReceiver n8n, boolean dummy) {
        r.add("mlcore.api-key", () -> HttpClientSupport.KEY);
        r.add("mlcore.dummy-mode", () -> Boolean.toString(dummy));
        r.add("mlcore.meta.access-token", () -> "EAAB-flow-token");
        r.add("mlcore.meta.api-base", graph::baseUrl);
        r.add("mlcore.meta.initial-backoff", () -> "10ms");
        r.add("mlcore.meta.allowed-accounts", () -> "act_123");
        r.add("mlcore.webhooks.secret", () -> SECRET);
        r.add("mlcore.webhooks.n8n-url", n8n::url);
        r.add("mlcore.webhooks.initial-backoff", () -> "10ms");
    }

    static void market(FakeGraphApi graph) {
        graph.pageSize(5);
        graph.adSet("f1", "Spotify DE", "ACTIVE", 2000L, "c1")
                .adSet("f2", "Spotify AT", "ACTIVE", 2000L, "c1")
                .adSet("f3", "YouTube DE", "ACTIVE", 2000L, "c2");
        LocalDate day = FIRST_DAY;
        for (int d = 0; d < 14; d++, day = day.plusDays(1)) {
            graph.insight("f1", day.toString(), "20.00", 8000, 200, 9 + d % 3, "90.00")
                    .insight("f2", day.toString(), "20.00", 6000, 90, 3 + d % 2, "30.00")
                    .insight("f3", day.toString(), "20.00", 7000, 120, 5, "50.00");
        }
    }

    JsonNode runFlow(FakeGraphApi graph) throws InterruptedException {
        HttpClientSupport http = new HttpClientSupport(port);
        // 1. sync, twice: the second changes nothing
        JsonNode first = sync(http);
        assertThat(first.path("result").path("insight_rows").asInt()).isEqualTo(42);
        assertThat(first.path("result").path("import").path("inserted").asInt()).isEqualTo(42);
        JsonNode second = sync(http);
        assertThat(second.path("result").path("import").path("unchanged").asInt())
                .isEqualTo(42);
        assertThat(second.path("result").path("import").path("inserted").asInt())
                .isZero();
        JsonNode adSets = JSON.readTree(http.get("/api/v1/accounts/123/adsets").body());
        assertThat(adSets.toString()).contains("\"daily_budget\":20");

        // 2. optimize through the signed webhook
        HttpResponse<String> optimized = signed(
                http,
                "{\"account_id\":\"act_123\",\"action\":\"optimize\",\"params\":"
                        + "{\"budget\":{\"total\":60,\"max_change_ratio\":0.3},\"seed\":7}}");
        assertThat(optimized.statusCode()).as(optimized.body()).isEqualTo(200);
        String recommendationId = JSON.readTree(optimized.body())
                .path("result")
                .path("recommendation_id")
                .asString();
        assertThat(recommendationId).isNotBlank();

        // 3. apply through the signed webhook
        HttpResponse<String> applied = signed(
                http,
                "{\"account_id\":\"act_123\",\"action\":\"apply\",\"params\":" + "{\"recommendation_id\":\""
                        + recommendationId + "\"}}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(applied.body()).path("result");
        assertThat(result.get("recommendation_id").asString()).isEqualTo(recommendationId);

        // 4. audit: one entry per ad set that had to change, requested by the webhook
        JsonNode audit = JSON.readTree(
                http.get("/api/v1/audit?recommendation_id=" + recommendationId).body());
        assertThat(audit.get("total").asLong()).isEqualTo(3);
        for (JsonNode e : audit.get("items")) {
            assertThat(e.get("requested_by").asString()).startsWith("n8n-webhook");
            assertThat(e.get("account_id").asString()).isEqualTo("123");
        }
        return result;
    }

    private JsonNode sync(HttpClientSupport http) throws InterruptedException {
        HttpResponse<String> started =
                http.postJson("/api/v1/accounts/act_123/sync?since=" + FIRST_DAY + "&until=" + LAST_DAY, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String url = JSON.readTree(started.body()).get("status_url").asString();
        for (int i = 0; i < 400; i++) {
            JsonNode job = JSON.readTree(http.get(url).body());
            if (!job.get("status").asString().equals("running")) {
                assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("sync still running");
    }

    private static HttpResponse<String> signed(HttpClientSupport http, String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(http.request(N8nWebhookController.PATH)
                .header("Content-Type", "application/json")
                .header("X-Timestamp", ts)
                .header("X-Signature", WebhookSigner.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    List<OutboxEntry> awaitSettled(int expected) throws InterruptedException {
        List<OutboxEntry> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events = outbound.recent(100);
            if (events.size() >= expected
                    && events.stream().noneMatch(e -> e.status().equals("pending"))) {
                return events;
            }
            Thread.sleep(25);
        }
        return events;
    }

    static long minor(BigDecimal major) {
        return major.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
