package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.webhooks.DeliveryStatus;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scripted end-to-end flow on the real store: sync (API key) → optimize (signed n8n webhook) → apply (signed n8n
 * webhook) → audit → outbound webhooks. {@link MetaEndToEndFlowTest} runs it live and
 * {@link MetaEndToEndDummyFlowTest} in dummy mode, each in its profile's shared context, on an account no other
 * class uses.
 */
final class MetaFlow {
    static final String ACCOUNT = "act_" + LiveMetaTest.FLOW_ACCOUNT;
    static final String SECRET = LiveMetaTest.SECRET;
    static final ObjectMapper JSON = new ObjectMapper();
    /** The 14 days ending yesterday (UTC), so the data is fresh for the stale-data guardrail. */
    static final LocalDate FIRST_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(14);

    static final LocalDate LAST_DAY = FIRST_DAY.plusDays(13);

    private final HttpClientSupport http;
    private final OutboundWebhooks outbound;

    MetaFlow(int port, OutboundWebhooks outbound) {
        this.http = new HttpClientSupport(port);
        this.outbound = outbound;
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

    JsonNode runFlow() {
        // 1. sync, twice: the second changes nothing
        JsonNode first = sync();
        assertThat(first.path("result").path("insight_rows").asInt()).isEqualTo(42);
        assertThat(first.path("result").path("import").path("inserted").asInt()).isEqualTo(42);
        JsonNode second = sync();
        assertThat(second.path("result").path("import").path("unchanged").asInt())
                .isEqualTo(42);
        assertThat(second.path("result").path("import").path("inserted").asInt())
                .isZero();
        JsonNode adSets = JSON.readTree(http.get("/api/v1/accounts/" + LiveMetaTest.FLOW_ACCOUNT + "/adsets")
                .body());
        assertThat(adSets.toString()).contains("\"daily_budget\":20");

        // 2. optimize through the signed webhook
        HttpResponse<String> optimized =
                signed("{\"account_id\":\"" + ACCOUNT + "\",\"action\":\"optimize\",\"params\":"
                        + "{\"budget\":{\"total\":60,\"max_change_ratio\":0.3},\"seed\":7}}");
        assertThat(optimized.statusCode()).as(optimized.body()).isEqualTo(200);
        String recommendationId = JSON.readTree(optimized.body())
                .path("result")
                .path("recommendation_id")
                .asString();
        assertThat(recommendationId).isNotBlank();

        // 3. apply through the signed webhook
        HttpResponse<String> applied = signed("{\"account_id\":\"" + ACCOUNT + "\",\"action\":\"apply\",\"params\":"
                + "{\"recommendation_id\":\"" + recommendationId + "\"}}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(applied.body()).path("result");
        assertThat(result.get("recommendation_id").asString()).isEqualTo(recommendationId);

        // 4. audit: one entry per ad set that had to change, requested by the webhook
        JsonNode audit = JSON.readTree(
                http.get("/api/v1/audit?recommendation_id=" + recommendationId).body());
        assertThat(audit.get("total").asLong()).isEqualTo(3);
        for (JsonNode e : audit.get("items")) {
            assertThat(e.get("requested_by").asString()).startsWith("n8n-webhook");
            assertThat(e.get("account_id").asString()).isEqualTo(LiveMetaTest.FLOW_ACCOUNT);
        }
        return result;
    }

    private JsonNode sync() {
        HttpResponse<String> started =
                http.postJson("/api/v1/accounts/" + ACCOUNT + "/sync?since=" + FIRST_DAY + "&until=" + LAST_DAY, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String url = JSON.readTree(started.body()).get("status_url").asString();
        JsonNode job = awaitJob(http, url);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    /** Polls a job's status URL until it is no longer {@code running} (up to 10 s) and returns it. */
    static JsonNode awaitJob(HttpClientSupport http, String statusUrl) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await("job " + statusUrl)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    job.set(JSON.readTree(http.get(statusUrl).body()));
                    return !job.get().get("status").asString().equals("running");
                });
        return job.get();
    }

    private HttpResponse<String> signed(String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return http.send(http.request(N8nWebhookController.PATH)
                .header("Content-Type", "application/json")
                .header("X-Timestamp", ts)
                .header("X-Signature", WebhookSigner.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * This recommendation's outbound events once at least {@code expected} are recorded and none is pending (up to
     * 10 s; the store is shared, so other classes' events are left out).
     */
    List<OutboxEntry> awaitSettled(String recommendationId, int expected) {
        return await("events of " + recommendationId + " settled")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> outbound.recent(100).stream()
                                .filter(e -> e.payload().contains(recommendationId))
                                .toList(),
                        events -> events.size() >= expected
                                && events.stream().noneMatch(e -> e.status() == DeliveryStatus.PENDING));
    }

    static long minor(BigDecimal major) {
        return major.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
