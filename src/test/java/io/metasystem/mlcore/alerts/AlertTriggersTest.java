package io.metasystem.mlcore.alerts;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.meta.MetaSyncFinished;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scans start by themselves: after an import that changed rows (asynchronously, awaited), from the scheduled task's
 * pass over every account, and the rejected-Meta-token alert from the sync's event.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mlcore.api-key=" + HttpClientSupport.KEY, "mlcore.alerts.scan-after-import=true"})
class AlertTriggersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ScheduledAlertScan scheduled;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    OutboundWebhooks outbox;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    /** The documented example's rows as a Meta insights file of {@code account}, days up to {@code until}. */
    static String insights(String account, LocalDate until) throws Exception {
        JsonNode example = JSON.readTree(Files.readString(Path.of("docs/examples/anomalies-detect-request.json")));
        ArrayNode data = JSON.createArrayNode();
        for (JsonNode adset : example.get("adsets")) {
            for (JsonNode day : adset.get("daily")) {
                if (LocalDate.parse(day.get("date").asString()).isAfter(until)) {
                    continue;
                }
                ObjectNode row = data.addObject();
                row.put("account_id", account);
                row.put("adset_id", adset.get("id").asString());
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
        return file.toString();
    }

    JsonNode alerts(String account) {
        return JSON.readTree(http.get("/api/v1/alerts?account_id=" + account).body());
    }

    boolean has(JsonNode list, String metric, String kind, String state) {
        return list.get("alerts")
                .valueStream()
                .anyMatch(a -> a.get("metric").asString().equals(metric)
                        && a.get("kind").asString().equals(kind)
                        && a.get("state").asString().equals(state));
    }

    @Test
    void anImportThatChangedRowsIsFollowedByAScanOfItsAccount() throws Exception {
        HttpResponse<String> imported =
                http.postJson("/api/v1/accounts/act_880001/insights", insights("880001", LocalDate.of(2026, 10, 18)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode list = alerts("880001");
                    assertThat(has(list, "spend", "delivery_stop", "firing"))
                            .as(list.toString())
                            .isTrue();
                    assertThat(has(list, "ctr", "level_shift", "firing"))
                            .as(list.toString())
                            .isTrue();
                });
        assertThat(outbox.recent(100))
                .anyMatch(e -> e.eventType().equals("alert.firing")
                        && e.payload().contains("880001")
                        && e.payload().contains("delivery_stop"));
    }

    @Test
    void theScheduledPassScansEveryStoredAccount() throws Exception {
        // importing triggers a scan too; the scheduled pass must find the same alerts and open no duplicates
        http.postJson("/api/v1/accounts/880002/insights", insights("880002", LocalDate.of(2026, 10, 18)));
        await().atMost(Duration.ofSeconds(30)).until(() -> has(alerts("880002"), "spend", "delivery_stop", "firing"));
        int before = alerts("880002").get("count").asInt();
        assertThat(scheduled.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(alerts("880002").get("count").asInt()).isEqualTo(before);
        assertThat(scheduled.task()).as("ALERTS_SCAN_CRON is off by default").isEmpty();
    }

    @Test
    void aRejectedMetaTokenIsAnAccountAlertUntilASyncSucceeds() throws Exception {
        http.postJson("/api/v1/accounts/880003/insights", insights("880003", LocalDate.of(2026, 9, 20)));
        events.publishEvent(new MetaSyncFinished("880003", false, true, "Meta rejected the access token"));
        JsonNode list = alerts("880003");
        assertThat(has(list, "meta_token", "meta_token_rejected", "firing"))
                .as(list.toString())
                .isTrue();
        assertThat(outbox.recent(50))
                .anyMatch(e -> e.eventType().equals("alert.firing")
                        && e.payload().contains("meta_token_rejected")
                        && e.payload().contains("\"severity\":\"critical\""));
        events.publishEvent(new MetaSyncFinished("880003", false, true, "still rejected"));
        assertThat(alerts("880003")
                        .get("alerts")
                        .valueStream()
                        .filter(a -> a.get("kind").asString().equals("meta_token_rejected")))
                .as("the same episode, not a second alert")
                .hasSize(1);
        events.publishEvent(new MetaSyncFinished("880003", true, false, null));
        assertThat(has(alerts("880003"), "meta_token", "meta_token_rejected", "resolved"))
                .isTrue();
        assertThat(outbox.recent(50))
                .anyMatch(e ->
                        e.eventType().equals("alert.resolved") && e.payload().contains("meta_token_rejected"));
    }
}
