package io.metasystem.mlcore.api;

import io.metasystem.mlcore.scheduling.ClusteredScheduler;
import io.metasystem.mlcore.testing.DummyMetaTest;
import io.metasystem.mlcore.webhooks.DeliveryStatus;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import io.metasystem.mlcore.webhooks.OutboxRedelivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DUMMY_MODE=true: apply sends nothing to Meta and webhooks send nothing to n8n; everything is recorded as dry
 * runs.
 */
class MetaDummyModeTest extends DummyMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OutboundWebhooks outbound;

    @Autowired
    OutboxRedelivery redelivery;

    @Autowired
    ClusteredScheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    @Test
    void applyIsADryRunThatRecordsTheExactCallsAndSendsNothing() {
        GRAPH.adSet("x1", "X1", "ACTIVE", 2000L, "c1").adSet("x2", "X2", "ACTIVE", 1000L, "c1");
        recommendations.put(MetaApplyApiTest.rec(
                "r-dry",
                "123",
                MetaApplyApiTest.now(),
                MetaApplyApiTest.target("x1", "20", "24.99"),
                MetaApplyApiTest.target("x2", "10", "0")));
        HttpResponse<String> response = http.postJson("/api/v1/recommendations/r-dry/apply", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("status").asString()).isEqualTo("dry_run");
        assertThat(result.get("dry_run").asBoolean()).isTrue();
        assertThat(result.get("items"))
                .extracting(i -> i.get("outcome").asString())
                .containsExactly("dry_run", "dry_run");

        JsonNode audit = JSON.readTree(http.get("/api/v1/audit?account_id=act_123&recommendation_id=r-dry")
                .body());
        assertThat(audit.get("total").asLong()).isEqualTo(2);
        List<JsonNode> items = new ArrayList<>();
        audit.get("items").forEach(items::add);
        assertThat(items)
                .allMatch(i -> i.get("dry_run").asBoolean()
                        && i.get("outcome").asString().equals("dry_run"));
        assertThat(items).anyMatch(i -> i.get("request").asString().contains("\"daily_budget\":\"2499\""));
        assertThat(items).anyMatch(i -> i.get("request").asString().contains("\"status\":\"PAUSED\""));

        JsonNode again = JSON.readTree(
                http.postJson("/api/v1/recommendations/r-dry/apply", "").body());
        assertThat(again.get("already_applied").asInt()).isEqualTo(2);

        // apply answered synchronously; nothing is queued for delivery, and a re-delivery pass attempts nothing
        assertThat(redelivery.redeliverDue()).isZero();
        assertThat(GRAPH.received()).as("nothing reached the Graph API").isEmpty();
        assertThat(N8N.deliveries()).as("nothing reached n8n").isEmpty();
        List<OutboxEntry> events = outbound.recent(20);
        assertThat(events).isNotEmpty().allMatch(e -> e.status() == DeliveryStatus.DRY_RUN);
        assertThat(events)
                .anyMatch(e -> e.eventType().equals("recommendation.applied")
                        && e.payload().contains("r-dry"));
    }

    @Test
    void strandedPendingEventsAreNeverDeliveredInDummyMode() {
        var past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        jdbc.sql("""
                insert into webhook_outbox (id, event_type, payload, target_url, status, attempts, created_at,
                updated_at,
                next_attempt_at) values ('stranded-1', 'alert', '{}', :url, 'pending', 0, :past, :past, :past)
                """).param("url", N8N.url()).param("past", past).update();
        try {
            assertThat(scheduler.taskNames()).doesNotContain("webhook-redelivery");
            assertThat(redelivery.redeliverDue()).isZero(); // the pass itself, run here: it attempts nothing
            assertThat(N8N.deliveries()).noneMatch(d -> "stranded-1".equals(d.id()));
        } finally {
            jdbc.sql("delete from webhook_outbox where id = 'stranded-1'").update(); // the other test lists the outbox
        }
    }
}
