package io.metasystem.mlcore.testing;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.meta.FakeGraphApi;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live Meta profile (DUMMY_MODE=false): the real server and store, the Meta connector against one shared
 * {@link FakeGraphApi}, outbound webhooks to one shared {@link WebhookReceiver}, apply guardrails, a re-delivery pass
 * every second and a yearly scheduled sync (registered, never due while tests run: tests run its pass directly).
 * Every class extending it, and declaring no context configuration of its own, shares one Spring context. Each class
 * starts with fresh fakes; classes use their own account and recommendation ids, since the store is shared.
 */
@SpringBootTest(
        classes = {MlCoreApplication.class, MetaTestDoubles.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + HttpClientSupport.KEY,
            "mlcore.dummy-mode=false",
            "mlcore.meta.access-token=EAAB-test-token",
            "mlcore.meta.initial-backoff=10ms",
            "mlcore.meta.max-retries=1",
            "mlcore.meta.allowed-accounts=act_123,456," + LiveMetaTest.FLOW_ACCOUNT,
            "mlcore.meta.max-change-ratio=0.5",
            "mlcore.meta.min-daily-budget=1.00",
            "mlcore.meta.max-total-daily-budget=500",
            "mlcore.meta.max-recommendation-age=24",
            "mlcore.meta.sync.cron=0 0 0 1 1 *",
            "mlcore.meta.sync.accounts=act_555",
            "mlcore.meta.sync.days=3",
            "mlcore.meta.sync.async-insights-days=31",
            "mlcore.meta.sync.async-poll-interval=10ms",
            "mlcore.webhooks.secret=" + LiveMetaTest.SECRET,
            "mlcore.webhooks.initial-backoff=10ms",
            "mlcore.webhooks.max-attempts=3",
            "mlcore.webhooks.redelivery-interval=1s",
            "mlcore.youtube.access-token=" + LiveMetaTest.YOUTUBE_TOKEN
        })
public abstract class LiveMetaTest {
    public static final String SECRET = "whsec-test-0123456789abcdef";
    /** {@code YOUTUBE_ACCESS_TOKEN} of this profile (no sync is scheduled: YOUTUBE_SYNC_CRON stays off). */
    public static final String YOUTUBE_TOKEN = "ya29.test-youtube-token-0123456789";
    /** The account of the end-to-end flow, which no other class of this profile uses. */
    public static final String FLOW_ACCOUNT = "9123";

    public static final FakeGraphApi GRAPH = new FakeGraphApi();
    public static final WebhookReceiver N8N = new WebhookReceiver();

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry r) {
        r.add("mlcore.meta.api-base", GRAPH::baseUrl);
        r.add("mlcore.webhooks.n8n-url", N8N::url);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestRecommendations recommendations;

    @Autowired
    protected CapturingInsightSink insightSink;

    @BeforeAll
    static void freshFakes() {
        GRAPH.clear();
        N8N.clear();
    }
}
