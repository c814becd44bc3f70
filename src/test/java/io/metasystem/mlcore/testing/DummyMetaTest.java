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
 * The dummy Meta profile (DUMMY_MODE=true): as {@link LiveMetaTest}, but nothing may reach Meta or n8n, so it has
 * fakes of its own that only this profile's context talks to. Classes extending it share one Spring context.
 */
@SpringBootTest(
        classes = {MlCoreApplication.class, MetaTestDoubles.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + HttpClientSupport.KEY,
            "mlcore.dummy-mode=true",
            "mlcore.meta.access-token=EAAB-test-token",
            "mlcore.meta.initial-backoff=10ms",
            "mlcore.meta.allowed-accounts=123," + LiveMetaTest.FLOW_ACCOUNT,
            "mlcore.webhooks.secret=" + LiveMetaTest.SECRET,
            "mlcore.webhooks.initial-backoff=10ms"
        })
public abstract class DummyMetaTest {
    public static final String SECRET = LiveMetaTest.SECRET;
    public static final String FLOW_ACCOUNT = LiveMetaTest.FLOW_ACCOUNT;

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

    @BeforeAll
    static void freshFakes() {
        GRAPH.clear();
        N8N.clear();
    }
}
