package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.alerts.MutableClock;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert lifecycle through the real server on a fixed, hand-moved clock: data arrives day by day, scans open,
 * fire, repeat, silence and resolve alerts, and notifications land in the outbox as Alertmanager-shaped events.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + HttpClientSupport.KEY,
            "mlcore.alerts.lookback-days=3",
            "mlcore.alerts.repeat-interval=24h",
            "mlcore.alerts.quiet-days=3"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(AlertApiTest.FixedClock.class)
class AlertApiTest {
    static final String ACCOUNT = "779001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-10-14T06:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    OutboundWebhooks outbox;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    /** Imports the documented example's rows of every ad set dated up to {@code until}. */
    void importUntil(String until) throws IOException {
        ArrayNode data = JSON.createArrayNode();
        for (JsonNode adset : AnomalyApiTest.example().get("adsets")) {
            for (JsonNode day : adset.get("daily")) {
                if (LocalDate.parse(day.get("date").asString()).isAfter(LocalDate.parse(until))) {
                    continue;
                }
                ObjectNode row = data.addObject();
                row.put("account_id", ACCOUNT);
                row.put("account_currency", "EUR");
                row.put("adset_id", adset.get("id").asString());
                row.put("adset_name", adset.get("name").asString());
                row.put("adset_status", "ACTIVE");
                row.put("adset_daily_budget", adset.get("daily_budget").asString());
                row.put("date_start", day.get("date").asString());
                row.put("date_stop", day.get("date").asString());
                row.put("spend", day.get("spend").asString());
                row.put("impressions", day.get("impressions").asString());
                row.put("clicks", day.get("clicks").asString());
                row.putArray("actions")
                        .addObject()
                        .put("action_type", "offsite_conversion.fb_pixel_purchase")
                        .put("value", day.get("conversions").asString());
            }
        }
        ObjectNode file = JSON.createObjectNode();
        file.set("data", data);
        HttpResponse<String> response = http.postJson("/api/v1/accounts/act_" + ACCOUNT + "/insights", file.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    JsonNode scan() {
        HttpResponse<String> response = http.postJson("/api/v1/alerts/scan?account_id=act_" + ACCOUNT, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode alerts(String query) {
        HttpResponse<String> response = http.get("/api/v1/alerts" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    List<OutboxEntry> alertEvents() {
        return outbox.recent(200).stream()
                .filter(e -> e.eventType().startsWith("alert."))
                .toList();
    }

    /** The first alert of that metric and kind on an ad set (not on the account total). */
    JsonNode find(JsonNode list, String metric, String kind) {
        for (JsonNode a : list.get("alerts")) {
            if (!"account_total".equals(a.get("adset_id").asString())
                    && a.get("metric").asString().equals(metric)
                    && a.get("kind").asString().equals(kind)) {
                return a;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void aDropOnTheNewestDayIsPendingThenFiresAsALevelShiftWithOneGroupedNotification() throws IOException {
        importUntil("2026-10-13");
        JsonNode first = scan();
        assertThat(first.get("newest_day").asString()).isEqualTo("2026-10-13");
        JsonNode pending = find(alerts("?account_id=" + ACCOUNT), "ctr", "dip");
        assertThat(pending).as("CTR dip on the newest day").isNotNull();
        assertThat(pending.get("state").asString()).isEqualTo("pending");
        assertThat(first.get("events").size()).as("nothing fires yet").isZero();

        clock.advance(Duration.ofDays(1));
        importUntil("2026-10-14");
        JsonNode second = scan();
        assertThat(second.get("events").size())
                .as("two low days are not yet a level shift (three are)")
                .isZero();
        assertThat(find(alerts("?account_id=" + ACCOUNT), "ctr", "level_shift")).isNull();

        clock.advance(Duration.ofDays(1));
        importUntil("2026-10-15");
        JsonNode third = scan();
        assertThat(third.get("events").size()).isEqualTo(1);
        JsonNode all = alerts("?account_id=act_" + ACCOUNT);
        JsonNode shift = find(all, "ctr", "level_shift");
        assertThat(shift.get("state").asString()).isEqualTo("firing");
        assertThat(shift.get("anomaly_date").asString()).isEqualTo("2026-10-13");
        assertThat(shift.get("fingerprint").asString()).matches("[0-9a-f]{16}");
        assertThat(find(all, "ctr", "dip").get("state").asString())
                .as("the dip became the shift")
                .isEqualTo("resolved");

        List<OutboxEntry> events = alertEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).eventType()).isEqualTo("alert.firing");
        JsonNode payload = JSON.readTree(events.get(0).payload()).get("data");
        assertThat(payload.get("version").asString()).isEqualTo("4");
        assertThat(payload.get("status").asString()).isEqualTo("firing");
        assertThat(payload.get("groupKey").asString()).isEqualTo("{}:{account_id=\"" + ACCOUNT + "\"}");
        JsonNode alert = payload.get("alerts")
                .valueStream()
                .filter(a -> a.at("/labels/metric").asString().equals("ctr")
                        && !a.at("/labels/adset_id").asString().equals("account_total"))
                .findFirst()
                .orElseThrow();
        assertThat(alert.at("/labels/alertname").asString()).isEqualTo("ctr_level_shift");
        assertThat(alert.at("/labels/adset_id").asString()).isEqualTo("23851234567890001");
        assertThat(alert.at("/annotations/description").asString()).contains("creative fatigue");
        assertThat(alert.get("startsAt").asString()).isEqualTo("2026-10-16T06:00:00Z");
        assertThat(alert.get("endsAt").asString()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.get("fingerprint").asString())
                .isEqualTo(shift.get("fingerprint").asString());
    }

    @Test
    @Order(2)
    void aStillFiringAlertIsNotifiedAgainOnlyAfterTheRepeatIntervalAndNotOnceAcknowledged() {
        assertThat(scan().get("events").size()).as("repeat not due").isZero();
        clock.advance(Duration.ofHours(25));
        JsonNode repeated = scan();
        assertThat(repeated.get("events").size()).isEqualTo(1);
        assertThat(repeated.get("fired").size())
                .as("a repeat is not a new firing")
                .isZero();

        String id = find(alerts("?state=firing&account_id=" + ACCOUNT), "ctr", "level_shift")
                .get("id")
                .asString();
        HttpResponse<String> ack = http.postJson("/api/v1/alerts/" + id + "/ack", "{\"by\": \"ana@label.example\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).get("state").asString()).isEqualTo("acknowledged");
        assertThat(JSON.readTree(ack.body()).get("acknowledged_by").asString()).isEqualTo("ana@label.example");
        clock.advance(Duration.ofHours(25));
        int before = alertEvents().size();
        scan();
        assertThat(alertEvents().stream().limit(alertEvents().size() - before))
                .as("acknowledged alerts are not repeated")
                .noneMatch(e -> e.payload().contains(id));
        JsonNode one = JSON.readTree(http.get("/api/v1/alerts/" + id).body());
        assertThat(one.get("state").asString()).isEqualTo("acknowledged");
    }

    @Test
    @Order(3)
    void aSilencedDeliveryStopOpensButIsNotNotified() throws IOException {
        String body = """
                {"account_id": "act_%s", "adset_id": "23851234567890002", "kind": "delivery_stop",
                 "comment": "paused the payment method on purpose", "created_by": "ana", "duration": "7d"}""";
        HttpResponse<String> created = http.postJson("/api/v1/alerts/silences", body.formatted(ACCOUNT));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode silence = JSON.readTree(created.body());
        assertThat(silence.get("active").asBoolean()).isTrue();
        assertThat(silence.get("account_id").asString()).isEqualTo(ACCOUNT);
        int before = alertEvents().size();
        importUntil("2026-10-18");
        JsonNode result = scan();
        JsonNode stop = find(alerts("?account_id=" + ACCOUNT), "spend", "delivery_stop");
        assertThat(stop.get("state").asString()).isEqualTo("firing");
        assertThat(stop.get("silenced_by").asString())
                .isEqualTo(silence.get("id").asString());
        assertThat(alertEvents().stream().filter(e -> e.payload().contains("delivery_stop")))
                .isEmpty();
        assertThat(result.get("resolved").size())
                .as("the CTR shift of 10-13 left the 3-day window")
                .isPositive();
        List<OutboxEntry> after = alertEvents();
        assertThat(after.size()).isGreaterThan(before);
        OutboxEntry resolvedEvent = after.stream()
                .filter(e -> e.eventType().equals("alert.resolved"))
                .findFirst()
                .orElseThrow();
        JsonNode resolvedPayload = JSON.readTree(resolvedEvent.payload()).get("data");
        assertThat(resolvedPayload.get("status").asString()).isEqualTo("resolved");
        assertThat(resolvedPayload.at("/alerts/0/endsAt").asString()).isNotEqualTo("0001-01-01T00:00:00Z");

        JsonNode listed = JSON.readTree(http.get("/api/v1/alerts/silences").body());
        assertThat(listed.get("count").asInt()).isEqualTo(1);
        HttpResponse<String> expired = http.send(
                http.request("/api/v1/alerts/silences/" + silence.get("id").asString())
                        .header("X-API-Key", HttpClientSupport.KEY)
                        .DELETE()
                        .build());
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(200);
        assertThat(JSON.readTree(expired.body()).get("active").asBoolean()).isFalse();
        assertThat(JSON.readTree(http.get("/api/v1/alerts/silences").body())
                        .get("count")
                        .asInt())
                .isZero();
        assertThat(JSON.readTree(http.get("/api/v1/alerts/silences?all=true").body())
                        .get("count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void alertCountsByStateAreAPrometheusGauge() {
        HttpResponse<String> metrics =
                http.send(http.request("/actuator/prometheus").GET().build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("mlcore_alerts{state=\"firing\"}")
                .contains("mlcore_alerts{state=\"resolved\"}");
    }

    @Test
    @Order(5)
    void badRequestsAreProblemsNamingTheField() {
        assertProblem(http.get("/api/v1/alerts?state=burning"), 400, "Invalid request");
        assertProblem(http.get("/api/v1/alerts/no-such-alert"), 404, "Not Found");
        assertProblem(http.postJson("/api/v1/alerts/no-such-alert/ack", ""), 404, "Not Found");
        String resolved = alerts("?state=resolved&account_id=" + ACCOUNT)
                .at("/alerts/0/id")
                .asString();
        assertProblem(http.postJson("/api/v1/alerts/" + resolved + "/ack", ""), 409, "Alert is resolved");
        HttpResponse<String> bad = http.postJson(
                "/api/v1/alerts/silences", "{\"metric\": \"bounce\", \"kind\": \"weird\", \"duration\": \"soon\"}");
        assertProblem(bad, 400, "Invalid request");
        List<String> fields = new ArrayList<>();
        JSON.readTree(bad.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("metric", "kind", "comment", "duration");
        assertProblem(http.postJson("/api/v1/alerts/silences", "{}"), 400, "Invalid request");
        assertProblem(
                http.postJson(
                        "/api/v1/alerts/silences",
                        "{\"kind\": \"spike\", \"comment\": \"x\", " + "\"ends_at\": \"2020-01-01T00:00:00Z\"}"),
                400,
                "Invalid request");
        assertProblem(
                http.send(http.request("/api/v1/alerts/silences/nope")
                        .header("X-API-Key", HttpClientSupport.KEY)
                        .DELETE()
                        .build()),
                404,
                "Not Found");
        assertProblem(http.postJson("/api/v1/alerts/scan", ""), 400, "Invalid request");
        assertProblem(http.postJson("/api/v1/alerts/scan?account_id=424242", ""), 404, "Not Found");
        assertProblem(http.send(http.request("/api/v1/alerts").GET().build()), 401, "Unauthorized");
    }

    /**
     * Rows of the first ad set from {@code from}: two more days at its lowered CTR (so the new regime has its 7 days
     * of baseline), then three days at about a third of it.
     */
    void importSecondCtrDrop(LocalDate from) {
        ArrayNode data = JSON.createArrayNode();
        int[] clicks = {58, 57, 18, 19, 18};
        int[] conversions = {10, 10, 3, 3, 3};
        for (int d = 0; d < clicks.length; d++) {
            ObjectNode row = data.addObject();
            row.put("account_id", ACCOUNT);
            row.put("adset_id", "23851234567890001");
            row.put("adset_status", "ACTIVE");
            row.put("adset_daily_budget", "40.0");
            row.put("date_start", from.plusDays(d).toString());
            row.put("date_stop", from.plusDays(d).toString());
            row.put("spend", "38.00");
            row.put("impressions", "7300");
            row.put("clicks", String.valueOf(clicks[d]));
            row.putArray("actions")
                    .addObject()
                    .put("action_type", "offsite_conversion.fb_pixel_purchase")
                    .put("value", String.valueOf(conversions[d]));
        }
        ObjectNode file = JSON.createObjectNode();
        file.set("data", data);
        HttpResponse<String> response = http.postJson("/api/v1/accounts/" + ACCOUNT + "/insights", file.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void aResolvedFingerprintStaysResolvedForTheQuietPeriodThenOpensANewEpisode() {
        JsonNode before = alerts("?account_id=" + ACCOUNT);
        JsonNode resolved = find(before, "ctr", "level_shift");
        assertThat(resolved.get("state").asString()).isEqualTo("resolved");
        String fingerprint = resolved.get("fingerprint").asString();
        // the CTR shifts again right away: same fingerprint, inside the 3-day quiet period
        importSecondCtrDrop(LocalDate.of(2026, 10, 19));
        scan();
        assertThat(alerts("?account_id=" + ACCOUNT)
                        .get("alerts")
                        .valueStream()
                        .filter(a -> a.get("fingerprint").asString().equals(fingerprint)))
                .as("no flapping: still only the resolved episode")
                .hasSize(1)
                .allMatch(a -> a.get("state").asString().equals("resolved"));
        clock.advance(Duration.ofDays(4));
        scan();
        List<JsonNode> episodes = alerts("?account_id=" + ACCOUNT)
                .get("alerts")
                .valueStream()
                .filter(a -> a.get("fingerprint").asString().equals(fingerprint))
                .toList();
        assertThat(episodes).hasSize(2);
        assertThat(episodes)
                .anyMatch(a -> a.get("state").asString().equals("firing")
                        && a.get("anomaly_date").asString().equals("2026-10-21"));
    }

    @Test
    @Order(7)
    void optimizeAnswersWarnAboutAdSetsWithAFiringLevelShift() {
        HttpResponse<String> stored = http.postJson(
                "/api/v1/accounts/" + ACCOUNT + "/optimize", "{\"budget\": {\"total\": 60}, \"lookback_days\": 14}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("warnings").toString())
                .contains("23851234567890001: ctr level shift down since 2026-10-21")
                .contains("its past days may not describe tomorrow");
        String stateless = """
                {"budget": {"total": 50}, "adsets": [
                  {"id": "23851234567890001", "current_budget": 40, "metrics": {"spend": 280, "conversions": 40}},
                  {"id": "other", "current_budget": 10, "metrics": {"spend": 70, "conversions": 9}}]}""";
        HttpResponse<String> answer = http.postJson("/api/v1/meta_ads/optimize", stateless);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode warnings = JSON.readTree(answer.body()).get("warnings");
        assertThat(warnings.toString())
                .contains("23851234567890001: ctr level shift")
                .doesNotContain("other:");
    }
}
