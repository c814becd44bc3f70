package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.webhooks.OutboxEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DUMMY_MODE=true: the same flow writes nothing to Meta, sends nothing to n8n, and records everything. */
@SpringBootTest(classes = MlCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetaEndToEndDummyFlowTest extends AbstractMetaFlowTest {
    static final FakeGraphApi GRAPH = new FakeGraphApi();
    static final WebhookReceiver N8N = new WebhookReceiver();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        common(r, GRAPH, N8N, true);
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
        N8N.close();
    }

    @Test
    void sameFlowSendsNothingOutAndRecordsEverything() throws InterruptedException {
        market(GRAPH);
        JsonNode result = runFlow(GRAPH);
        assertThat(result.get("status").asString()).isEqualTo("dry_run");
        assertThat(result.get("dry_run").asBoolean()).isTrue();
        assertThat(result.get("items"))
                .allMatch(i -> i.get("outcome").asString().equals("dry_run"));
        assertThat(GRAPH.writes()).as("no write reached the Graph API").isEmpty();
        assertThat(GRAPH.received())
                .as("apply did not even read from Meta")
                .allMatch(r -> r.path().endsWith("/adsets")
                        || r.path().endsWith("/insights")
                        || r.path().equals("/v23.0/act_123"));

        List<OutboxEntry> events = awaitSettled(2);
        Thread.sleep(200);
        assertThat(N8N.deliveries()).as("nothing reached n8n").isEmpty();
        assertThat(events)
                .extracting(OutboxEntry::eventType)
                .contains("recommendation.created", "recommendation.applied");
        assertThat(events).allMatch(e -> e.status().equals("dry_run"));
        assertThat(events).allMatch(e -> e.payload().contains("\"dry_run\":true"));
    }
}
