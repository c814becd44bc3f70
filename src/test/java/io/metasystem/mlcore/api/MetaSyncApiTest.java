package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sync against the fake Graph API: several pages, rate-limit back-off, job progress, token error. */
class MetaSyncApiTest extends LiveMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void pages() {
        GRAPH.pageSize(2);
    }

    @Autowired
    OutboundWebhooks outbound;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
        insightSink.capture(true); // sync's import, as the sink receives it; nothing reaches the shared store
    }

    @AfterEach
    void stopCapturing() {
        insightSink.capture(false);
    }

    JsonNode awaitJob(String statusUrl) {
        return MetaFlow.awaitJob(http, statusUrl);
    }

    @Test
    void syncsAdSetsAndInsightsAcrossPagesWithRateLimitBackOff() {
        GRAPH.adSet("s1", "Spotify DE", "ACTIVE", 2550L, "c1")
                .adSet("s2", "Spotify AT", "PAUSED", 1000L, "c1")
                .adSet("s3", "YouTube", "ACTIVE", null, "c2");
        for (String day : List.of("2026-11-01", "2026-11-02")) {
            GRAPH.insight("s1", day, "25.10", 5000, 120, 7, "63.00")
                    .insight("s2", day, "9.80", 2000, 40, 1, "9.00")
                    .insight("s3", day, "14.00", 3000, 70, 3, "27.00");
        }
        GRAPH.script("GET /v23.0/act_123/insights", FakeGraphApi.rateLimited(80004, 0));

        HttpResponse<String> started =
                http.postJson("/api/v1/accounts/act_123/sync?since=2026-11-01&until=2026-11-02", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location").orElseThrow()).startsWith("/api/v1/jobs/");
        JsonNode job = awaitJob(JSON.readTree(started.body()).get("status_url").asString());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("result").path("ad_sets").asInt()).isEqualTo(3);
        assertThat(job.path("result").path("insight_rows").asInt()).isEqualTo(6);
        assertThat(job.path("result").path("insight_pages").asInt()).isEqualTo(3);
        assertThat(job.get("progress").asString()).startsWith("done");

        List<FakeGraphApi.Received> insightCalls = GRAPH.received().stream()
                .filter(r -> r.path().equals("/v23.0/act_123/insights"))
                .toList();
        assertThat(insightCalls).hasSize(4); // one rate-limited, then three pages
        assertThat(insightCalls.get(0).query())
                .containsEntry("level", "adset")
                .containsEntry("time_increment", "1")
                .containsEntry("time_range", "{\"since\":\"2026-11-01\",\"until\":\"2026-11-02\"}");
        assertThat(insightCalls.get(0).query().get("fields"))
                .contains("spend", "impressions", "clicks", "actions", "action_values");

        // one import per page (memory bounded by a page), the rows in the order Meta sent them
        assertThat(insightSink.captured()).hasSize(3);
        List<JsonNode> rows = new ArrayList<>();
        insightSink.captured().forEach(page -> page.get("data").forEach(rows::add));
        assertThat(rows).hasSize(6);
        JsonNode first = rows.get(0);
        assertThat(first.get("adset_id").asString()).isEqualTo("s1");
        assertThat(first.get("adset_status").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("adset_daily_budget").asString()).isEqualTo("25.50");
        assertThat(first.get("account_currency").asString()).isEqualTo("EUR");
        assertThat(rows.get(2).has("adset_daily_budget")).isFalse();
    }

    @Test
    void tokenErrorFailsTheJobWithoutRetryAndRaisesAnAlert() {
        GRAPH.script(
                "GET /v23.0/act_777",
                FakeGraphApi.error(400, 190, 463, "Error validating access token: Session has expired", Map.of()));
        GRAPH.reset();
        HttpResponse<String> started = http.postJson("/api/v1/accounts/777/sync", "");
        JsonNode job = awaitJob(JSON.readTree(started.body()).get("status_url").asString());
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).contains("190");
        assertThat(GRAPH.received().stream().filter(r -> r.path().equals("/v23.0/act_777")))
                .hasSize(1);
        assertThat(outbound.recent(20))
                .anyMatch(e -> e.eventType().equals("alert.firing")
                        && e.payload().contains("meta_token_rejected")
                        && e.payload().contains("777"));
    }

    @Test
    void invalidRangeIsABadRequestNamingTheField() {
        HttpResponse<String> response =
                http.postJson("/api/v1/accounts/123/sync?since=2026-11-05&until=2026-11-01", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())
                        .path("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("until");
        HttpResponse<String> notADate = http.postJson("/api/v1/accounts/123/sync?since=yesterday", "");
        assertThat(JSON.readTree(notADate.body())
                        .path("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("since");
    }

    @Test
    void unknownJobIsNotFound() {
        assertThat(http.get("/api/v1/jobs/nope").statusCode()).isEqualTo(404);
    }
}
