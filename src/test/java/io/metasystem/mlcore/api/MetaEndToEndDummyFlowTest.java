package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.DummyMetaTest;
import io.metasystem.mlcore.webhooks.DeliveryStatus;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import io.metasystem.mlcore.webhooks.OutboxRedelivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DUMMY_MODE=true: the same flow writes nothing to Meta, sends nothing to n8n, and records everything. */
class MetaEndToEndDummyFlowTest extends DummyMetaTest {
    @Autowired
    OutboundWebhooks outbound;

    @Autowired
    OutboxRedelivery redelivery;

    @Test
    void sameFlowSendsNothingOutAndRecordsEverything() {
        MetaFlow.market(GRAPH);
        JsonNode result = new MetaFlow(port, outbound).runFlow();
        assertThat(result.get("status").asString()).isEqualTo("dry_run");
        assertThat(result.get("dry_run").asBoolean()).isTrue();
        assertThat(result.get("items"))
                .allMatch(i -> i.get("outcome").asString().equals("dry_run"));
        assertThat(GRAPH.writes()).as("no write reached the Graph API").isEmpty();
        assertThat(GRAPH.received())
                .as("apply did not even read from Meta")
                .allMatch(r -> r.path().endsWith("/adsets")
                        || r.path().endsWith("/insights")
                        || r.path().equals("/v23.0/" + MetaFlow.ACCOUNT));

        List<OutboxEntry> events = new MetaFlow(port, outbound)
                .awaitSettled(result.get("recommendation_id").asString(), 2);
        // nothing is queued for delivery in dummy mode, and a re-delivery pass run right now attempts nothing
        assertThat(redelivery.redeliverDue()).isZero();
        assertThat(N8N.deliveries()).as("nothing reached n8n").isEmpty();
        assertThat(events)
                .extracting(OutboxEntry::eventType)
                .contains("recommendation.created", "recommendation.applied");
        assertThat(events).allMatch(e -> e.status() == DeliveryStatus.DRY_RUN);
        assertThat(events).allMatch(e -> e.payload().contains("\"dry_run\":true"));
    }
}
