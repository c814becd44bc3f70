package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Live (DUMMY_MODE=false): budgets reach the fake Graph API and signed events reach the fake n8n. */
@SpringBootTest(classes = MlCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetaEndToEndFlowTest extends AbstractMetaFlowTest {
    static final FakeGraphApi GRAPH = new FakeGraphApi();
    static final WebhookReceiver N8N = new WebhookReceiver();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        common(r, GRAPH, N8N, false);
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
        N8N.close();
    }

    @Test
    void syncOptimizeApplyAuditAndNotify() throws InterruptedException {
        market(GRAPH);
        JsonNode result = runFlow(GRAPH);
        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("applied");
        assertThat(result.get("dry_run").asBoolean()).isFalse();
        for (JsonNode item : result.get("items")) {
            String adset = item.get("adset_id").asString();
            if (item.get("action").asString().equals("pause")) {
                assertThat(GRAPH.adSetState(adset).get("status").asString()).isEqualTo("PAUSED");
            } else {
                assertThat(Long.parseLong(
                                GRAPH.adSetState(adset).get("daily_budget").asString()))
                        .isEqualTo(minor(item.get("after_budget").decimalValue()));
            }
        }
        long changed = result.get("changed").asLong();
        assertThat(GRAPH.writes()).hasSize((int) changed);

        List<OutboxEntry> events = awaitSettled(2);
        assertThat(events)
                .extracting(OutboxEntry::eventType)
                .contains("recommendation.created", "recommendation.applied");
        assertThat(events).allMatch(e -> e.status().equals("sent"));
        assertThat(N8N.deliveries())
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(d -> WebhookSigner.matches(
                        SECRET, d.timestamp(), d.body().getBytes(StandardCharsets.UTF_8), d.signature()));
    }
}
