package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.webhooks.DeliveryStatus;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Live (DUMMY_MODE=false): budgets reach the fake Graph API and signed events reach the fake n8n. */
class MetaEndToEndFlowTest extends LiveMetaTest {
    @Autowired
    OutboundWebhooks outbound;

    @Test
    void syncOptimizeApplyAuditAndNotify() {
        MetaFlow.market(GRAPH);
        MetaFlow flow = new MetaFlow(port, outbound);
        JsonNode result = flow.runFlow();
        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("applied");
        assertThat(result.get("dry_run").asBoolean()).isFalse();
        for (JsonNode item : result.get("items")) {
            String adset = item.get("adset_id").asString();
            if (item.get("action").asString().equals("pause")) {
                assertThat(GRAPH.adSetState(adset).get("status").asString()).isEqualTo("PAUSED");
            } else {
                assertThat(Long.parseLong(
                                GRAPH.adSetState(adset).get("daily_budget").asString()))
                        .isEqualTo(MetaFlow.minor(item.get("after_budget").decimalValue()));
            }
        }
        long changed = result.get("changed").asLong();
        assertThat(GRAPH.writes()).hasSize((int) changed);

        List<OutboxEntry> events =
                flow.awaitSettled(result.get("recommendation_id").asString(), 2);
        assertThat(events)
                .extracting(OutboxEntry::eventType)
                .contains("recommendation.created", "recommendation.applied");
        assertThat(events).allMatch(e -> e.status() == DeliveryStatus.SENT);
        assertThat(N8N.deliveries())
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(d -> WebhookSigner.matches(
                        SECRET, d.timestamp(), d.body().getBytes(StandardCharsets.UTF_8), d.signature()));
    }
}
