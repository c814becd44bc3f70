package io.metasystem.mlcore.api;

import io.metasystem.mlcore.meta.AppliableRecommendation;
import io.metasystem.mlcore.meta.AppliableRecommendation.Target;
import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Apply against the fake Graph API (DUMMY_MODE=false): guardrails, idempotency, audit, partial failure, token stop. */
class MetaApplyApiTest extends LiveMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OutboundWebhooks outbound;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    static AppliableRecommendation rec(String id, String account, OffsetDateTime created, Target... targets) {
        return new AppliableRecommendation(id, account, created, "EUR", List.of(targets));
    }

    static Target target(String adset, String current, String recommended) {
        return new Target(
                adset,
                "Ad set " + adset,
                current == null ? null : new BigDecimal(current),
                new BigDecimal(recommended));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
    }

    private JsonNode apply(String id, int expectedStatus) {
        HttpResponse<String> response = http.postJson("/api/v1/recommendations/" + id + "/apply", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private List<FakeGraphApi.Received> writesTo(String... adsets) {
        List<String> paths = Arrays.stream(adsets).map(a -> "/v23.0/" + a).toList();
        return GRAPH.writes().stream().filter(w -> paths.contains(w.path())).toList();
    }

    @Test
    void appliesBudgetsInMinorUnitsPausesZeroBudgetsAndAuditsEveryChange() {
        GRAPH.adSet("a1", "A1", "ACTIVE", 2000L, "c1")
                .adSet("a2", "A2", "ACTIVE", 1000L, "c1")
                .adSet("a3", "A3", "ACTIVE", 1500L, "c1");
        recommendations.put(rec(
                "r-basic",
                "123",
                now(),
                target("a1", "20", "25.50"),
                target("a2", "10", "0"),
                target("a3", "15", "15")));
        JsonNode result = apply("r-basic", 200);
        assertThat(result.get("status").asString()).isEqualTo("applied");
        assertThat(result.get("dry_run").asBoolean()).isFalse();
        assertThat(result.get("items"))
                .extracting(i -> i.get("outcome").asString())
                .containsExactly("applied", "applied", "unchanged");
        assertThat(result.get("items").get(0).get("before_budget").decimalValue())
                .isEqualByComparingTo("20");

        List<FakeGraphApi.Received> writes = writesTo("a1", "a2", "a3");
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0).form()).isEqualTo(Map.of("daily_budget", "2550"));
        assertThat(writes.get(1).form()).isEqualTo(Map.of("status", "PAUSED"));
        assertThat(GRAPH.adSetState("a1").get("daily_budget").asString()).isEqualTo("2550");

        HttpResponse<String> auditResponse = http.get("/api/v1/audit?recommendation_id=r-basic");
        assertThat(auditResponse.statusCode()).isEqualTo(200);
        JsonNode audit = JSON.readTree(auditResponse.body());
        assertThat(audit.get("total").asLong()).isEqualTo(3);
        JsonNode a1 = find(audit.get("items"), "a1");
        assertThat(a1.get("before_budget").decimalValue()).isEqualByComparingTo("20");
        assertThat(a1.get("after_budget").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(a1.get("outcome").asString()).isEqualTo("applied");
        assertThat(a1.get("dry_run").asBoolean()).isFalse();
        assertThat(a1.get("requested_by").asString()).startsWith("api");
        assertThat(a1.get("request").asString())
                .contains("\"daily_budget\":\"2550\"")
                .doesNotContain("EAAB");
        assertThat(a1.get("response").asString()).contains("success");
        assertThat(a1.get("idempotency_key").asString()).isEqualTo("r-basic/a1");
        assertThat(find(audit.get("items"), "a2").get("action").asString()).isEqualTo("pause");
        assertThat(outbound.recent(50))
                .anyMatch(e -> e.eventType().equals("recommendation.applied")
                        && e.payload().contains("r-basic"));
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTime() {
        GRAPH.adSet("b1", "B1", "ACTIVE", 4000L, "c1");
        recommendations.put(rec("r-twice", "act_123", now(), target("b1", "40", "50")));
        apply("r-twice", 200);
        assertThat(writesTo("b1")).hasSize(1);
        JsonNode second = apply("r-twice", 200);
        assertThat(writesTo("b1")).hasSize(1);
        assertThat(second.get("items").get(0).get("outcome").asString()).isEqualTo("already_applied");
        assertThat(second.get("already_applied").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(http.get("/api/v1/audit?recommendation_id=r-twice")
                                .body())
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void guardrailsRefuseBeforeAnyChangeAndNameTheGuardrail() {
        GRAPH.adSet("g1", "G1", "ACTIVE", 2000L, "c1").adSet("g2", "G2", "ACTIVE", 2000L, "c1");
        recommendations.put(rec("r-ratio", "123", now(), target("g1", "20", "25"), target("g2", "20", "40")));
        recommendations.put(rec("r-min", "123", now(), target("g1", "20", "0.50")));
        recommendations.put(rec("r-total", "123", now(), target("g1", "20", "300"), target("g2", "20", "300")));
        recommendations.put(rec("r-account", "999", now(), target("g1", "20", "25")));
        recommendations.put(rec("r-old", "123", now().minusHours(30), target("g1", "20", "25")));
        assertGuardrail("r-ratio", "max_change_ratio", "APPLY_MAX_CHANGE_RATIO");
        assertGuardrail("r-min", "min_daily_budget", "APPLY_MIN_DAILY_BUDGET");
        assertGuardrail("r-total", "max_total_daily_budget", "APPLY_MAX_TOTAL_DAILY_BUDGET");
        assertGuardrail("r-account", "allowed_accounts", "APPLY_ALLOWED_ACCOUNTS");
        assertGuardrail("r-old", "max_recommendation_age_hours", "APPLY_MAX_RECOMMENDATION_AGE_HOURS");
        assertThat(writesTo("g1", "g2")).isEmpty();
    }

    @Test
    void recommendationsComputedFromStaleDataAreRefused() {
        GRAPH.adSet("st1", "ST1", "ACTIVE", 2000L, "c1");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        recommendations.put(new AppliableRecommendation(
                "r-stale", "123", now(), "EUR", List.of(target("st1", "20", "22")), today.minusDays(4)));
        recommendations.put(new AppliableRecommendation(
                "r-fresh", "123", now(), "EUR", List.of(target("st1", "20", "22")), today.minusDays(3)));
        assertGuardrail("r-stale", "max_data_age_days", "APPLY_MAX_DATA_AGE_DAYS");
        assertThat(writesTo("st1")).isEmpty();
        assertThat(apply("r-fresh", 200).get("status").asString()).isEqualTo("applied");
        assertThat(writesTo("st1")).hasSize(1);
    }

    @Test
    void changeLimitCountsFromTheStartOfTheDay() {
        GRAPH.adSet("d1", "D1", "ACTIVE", 1000L, "c1");
        recommendations.put(rec("r-day-1", "123", now(), target("d1", "10", "14")));
        recommendations.put(rec("r-day-2", "123", now(), target("d1", "14", "18")));
        apply("r-day-1", 200);
        // 14 → 18 is +29 % against the live budget, but +80 % against this morning's 10
        assertGuardrail("r-day-2", "max_change_ratio", "today");
        assertThat(writesTo("d1")).hasSize(1);
    }

    @Test
    void partialFailureIsReportedPerAdSetAndASecondApplyResumesOnlyTheFailed() {
        for (int i = 1; i <= 5; i++) {
            GRAPH.adSet("p" + i, "P" + i, "ACTIVE", 2000L, "c2");
        }
        GRAPH.failUpdates("p2", "Budget is too low for this optimisation goal").failUpdates("p4", "Invalid budget");
        recommendations.put(rec(
                "r-partial",
                "456",
                now(),
                target("p1", "20", "22"),
                target("p2", "20", "22"),
                target("p3", "20", "22"),
                target("p4", "20", "22"),
                target("p5", "20", "22")));
        JsonNode first = apply("r-partial", 200);
        assertThat(first.get("status").asString()).isEqualTo("partial");
        assertThat(first.get("changed").asInt()).isEqualTo(3);
        assertThat(first.get("failed").asInt()).isEqualTo(2);
        JsonNode p2 = find(first.get("items"), "p2");
        assertThat(p2.get("outcome").asString()).isEqualTo("failed");
        assertThat(p2.get("error_field").asString()).isEqualTo("daily_budget");
        assertThat(p2.get("error").asString()).contains("too low");
        assertThat(writesTo("p1", "p2", "p3", "p4", "p5")).hasSize(5);

        GRAPH.healUpdates("p2").healUpdates("p4");
        JsonNode second = apply("r-partial", 200);
        assertThat(second.get("status").asString()).isEqualTo("applied");
        assertThat(second.get("changed").asInt()).isEqualTo(2);
        assertThat(second.get("already_applied").asInt()).isEqualTo(3);
        assertThat(writesTo("p1", "p2", "p3", "p4", "p5")).hasSize(7);
        assertThat(writesTo("p2")).hasSize(2);
        assertThat(writesTo("p1")).hasSize(1);
        JsonNode audit = JSON.readTree(http.get("/api/v1/audit?recommendation_id=r-partial&size=3&page=0")
                .body());
        assertThat(audit.get("total").asLong()).isEqualTo(7);
        assertThat(audit.get("items")).hasSize(3);
    }

    @Test
    void tokenErrorStopsTheApplyAndRaisesAnAlert() {
        GRAPH.adSet("t1", "T1", "ACTIVE", 2000L, "c3").adSet("t2", "T2", "ACTIVE", 2000L, "c3");
        GRAPH.script(
                "POST /v23.0/t1",
                FakeGraphApi.error(401, 190, 460, "Error validating access token: password changed", Map.of()));
        recommendations.put(rec("r-token", "123", now(), target("t1", "20", "22"), target("t2", "20", "22")));
        JsonNode result = apply("r-token", 200);
        assertThat(result.get("status").asString()).isEqualTo("failed");
        assertThat(result.get("items"))
                .extracting(i -> i.get("outcome").asString())
                .containsExactly("failed", "not_attempted");
        assertThat(writesTo("t1", "t2")).hasSize(1);
        assertThat(outbound.recent(50))
                .anyMatch(e -> e.eventType().equals("alert") && e.payload().contains("meta_token_invalid"));
    }

    @Test
    void unknownRecommendationIsNotFound() {
        JsonNode problem = apply("no-such-recommendation", 404);
        assertThat(problem.get("detail").asString()).contains("no-such-recommendation");
    }

    @Test
    void auditRejectsABadPageSize() {
        HttpResponse<String> response = http.get("/api/v1/audit?size=0");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())
                        .path("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("size");
    }

    private void assertGuardrail(String id, String guardrail, String detailContains) {
        JsonNode problem = apply(id, 422);
        assertThat(problem.get("guardrail").asString()).isEqualTo(guardrail);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(guardrail);
        assertThat(problem.get("detail").asString()).contains(detailContains);
    }

    private static JsonNode find(JsonNode items, String adset) {
        for (JsonNode i : items) {
            if (i.get("adset_id").asString().equals(adset)) {
                return i;
            }
        }
        throw new AssertionError("no item for " + adset + " in " + items);
    }
}
