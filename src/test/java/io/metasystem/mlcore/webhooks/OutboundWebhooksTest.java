package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outbound events: signed, retried after a failed attempt, recorded in the outbox; oversized data replaced. */
class OutboundWebhooksTest extends LiveMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OutboundWebhooks outbound;

    @Test
    void outboundEventsAreSignedRetriedAndRecorded() throws Exception {
        N8N.clear();
        N8N.failNext(1, "\"kind\":\"test\"");
        String id = outbound.publish("alert", Map.of("kind", "test"));
        OutboxEntry entry = awaitFinal(id);
        assertThat(entry.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(entry.attempts()).isEqualTo(2);
        var deliveries =
                N8N.deliveries().stream().filter(d -> id.equals(d.id())).toList();
        assertThat(deliveries).hasSize(2);
        var last = deliveries.get(1);
        assertThat(WebhookSigner.matches(
                        SECRET, last.timestamp(), last.body().getBytes(StandardCharsets.UTF_8), last.signature()))
                .isTrue();
        JsonNode event = JSON.readTree(last.body());
        assertThat(event.get("type").asString()).isEqualTo("alert");
        assertThat(event.get("dry_run").asBoolean()).isFalse();

        HttpResponse<String> listed = new HttpClientSupport(port).get("/api/v1/webhooks/outbox?limit=10");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id);
    }

    @Test
    void oversizedEventDataIsReplacedByANoteInsteadOfFailing() throws Exception {
        String id = outbound.publish("recommendation.created", Map.of("blob", "x".repeat(300_000)));
        OutboxEntry entry = awaitFinal(id);
        assertThat(entry.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(JSON.readTree(entry.payload()).path("data").path("truncated").asBoolean())
                .isTrue();
    }

    OutboxEntry awaitFinal(String id) {
        return await("webhook " + id + " no longer pending")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> outbound.recent(100).stream()
                                .filter(x -> x.id().equals(id))
                                .findFirst()
                                .orElseThrow(),
                        e -> e.status() != DeliveryStatus.PENDING);
    }
}
