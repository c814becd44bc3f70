package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync into the real store through the HTTP API: a long range read as an async report run (polled, paged), every ad
 * set stored with its attributes whether or not it had insights, and a second sync changing nothing.
 */
class MetaSyncCatalogApiTest extends LiveMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void market() {
        GRAPH.pageSize(2).pollsBeforeCompletion(2);
        GRAPH.adSet("k1", "Spotify DE", "ACTIVE", 2550L, "c1").adSet("k2", "New, no delivery", "PAUSED", 1000L, "c2");
        GRAPH.targeting("k1", """
                {"age_min":25,"age_max":34,"genders":[1],"geo_locations":{"countries":["DE"]},
                 "publisher_platforms":["instagram"],"instagram_positions":["reels"],
                 "custom_audiences":[{"id":"9","name":"Lookalike (DE, 1%)"}]}
                """, "OUTCOME_SALES", "OFFSITE_CONVERSIONS");
        GRAPH.targeting("k2", "{\"geo_locations\":{\"countries\":[\"AT\"]}}", "OUTCOME_AWARENESS", "REACH");
        LocalDate day = LocalDate.parse("2026-09-01");
        for (int d = 0; d < 3; d++, day = day.plusDays(1)) {
            GRAPH.insight("k1", day.toString(), "25.10", 5000, 120, 7, "63.00");
        }
    }

    private JsonNode sync(HttpClientSupport http, String query) {
        HttpResponse<String> started = http.postJson("/api/v1/accounts/act_321/sync?" + query, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String url = JSON.readTree(started.body()).get("status_url").asString();
        JsonNode job = MetaFlow.awaitJob(http, url);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    @Test
    void longRangeIsReadAsAnAsyncReportAndEveryAdSetIsStoredWithAttributesIdempotently() {
        HttpClientSupport http = new HttpClientSupport(port);
        JsonNode first = sync(http, "since=2026-09-01&until=2026-10-31");
        JsonNode result = first.get("result");
        assertThat(result.get("insights_read").asString()).isEqualTo("async");
        assertThat(result.get("insight_rows").asInt()).isEqualTo(3);
        assertThat(result.get("insight_pages").asInt()).isEqualTo(2);
        assertThat(result.get("ad_sets").asInt()).isEqualTo(2);
        assertThat(result.get("ad_sets_created").asInt()).isEqualTo(2);
        assertThat(result.path("import").path("inserted").asInt()).isEqualTo(3);
        assertThat(GRAPH.reportRuns()).containsKey("rr-1");
        assertThat(GRAPH.reportRuns().get("rr-1").polls()).isEqualTo(3);
        assertThat(GRAPH.received())
                .noneMatch(r -> r.method().equals("GET") && r.path().equals("/v23.0/act_321/insights"));

        JsonNode adSets = JSON.readTree(http.get("/api/v1/accounts/321/adsets").body());
        String listed = adSets.toString();
        JsonNode k2 = find(adSets, "k2");
        assertThat(k2).as(listed).isNotNull();
        assertThat(k2.get("name").asString()).isEqualTo("New, no delivery");
        assertThat(k2.get("status").asString()).isEqualTo("PAUSED");
        assertThat(k2.get("daily_budget").decimalValue()).isEqualByComparingTo("10");
        assertThat(k2.get("campaign_id").asString()).isEqualTo("c2");
        assertThat(k2.get("attributes").get("country").asString()).isEqualTo("AT");
        assertThat(k2.get("attributes").get("objective").asString()).isEqualTo("outcome_awareness");
        JsonNode k1 = find(adSets, "k1");
        assertThat(k1.get("daily_budget").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(k1.get("attributes").toString())
                .contains(
                        "\"age\":\"25-34\"",
                        "\"gender\":\"male\"",
                        "\"placement\":\"instagram_reels\"",
                        "\"audience_type\":\"lookalike\"",
                        "\"country\":\"DE\"",
                        "\"optimization_goal\":\"offsite_conversions\"");

        JsonNode second = sync(http, "since=2026-09-01&until=2026-10-31");
        assertThat(second.path("result").path("ad_sets_created").asInt()).isZero();
        assertThat(second.path("result").path("import").path("unchanged").asInt())
                .isEqualTo(3);
        assertThat(second.path("result").path("import").path("inserted").asInt())
                .isZero();
        assertThat(second.path("result").path("import").path("updated").asInt()).isZero();
        JsonNode again = JSON.readTree(http.get("/api/v1/accounts/321/adsets").body());
        assertThat(strip(again)).isEqualTo(strip(adSets));
    }

    private static JsonNode find(JsonNode page, String id) {
        JsonNode items = page.has("items") ? page.get("items") : page;
        for (JsonNode a : items) {
            if (a.path("id").asString().equals(id)
                    || a.path("adset_id").asString().equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** The listing without {@code updated_at}, which records when a sync last confirmed the ad set. */
    private static List<String> strip(JsonNode page) {
        JsonNode items = page.has("items") ? page.get("items") : page;
        List<String> out = new ArrayList<>();
        for (JsonNode a : items) {
            ObjectNode copy = (ObjectNode) a.deepCopy();
            copy.remove("updated_at");
            out.add(copy.toString());
        }
        return out;
    }
}
