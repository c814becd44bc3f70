package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.scheduling.ClusteredScheduler;
import io.metasystem.mlcore.webhooks.OutboxRedelivery;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stranded as {@code pending} (the process died before delivering them) are delivered by the clustered
 * re-delivery task, signed, exactly once, even when several passes run concurrently (as on several replicas).
 */
@SpringBootTest(classes = MlCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxRedeliveryApiTest {
    static final String SECRET = "whsec-redelivery-0123456789";
    /** Shared with the PostgreSQL subclass, so not closed after a class: the JVM's exit stops it. */
    static final WebhookReceiver N8N = new WebhookReceiver();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("mlcore.api-key", () -> HttpClientSupport.KEY);
        r.add("mlcore.dummy-mode", () -> "false");
        r.add("mlcore.webhooks.secret", () -> SECRET);
        r.add("mlcore.webhooks.n8n-url", N8N::url);
        r.add("mlcore.webhooks.initial-backoff", () -> "10ms");
        r.add("mlcore.webhooks.redelivery-interval", () -> "1s");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRedelivery redelivery;

    @Autowired
    ClusteredScheduler scheduler;

    /** A pending event as a process leaves it when it dies after recording it: claim expired, attempt due. */
    String strandedEvent(OffsetDateTime nextAttempt, int attempts) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        String payload = "{\"id\":\"" + id + "\",\"type\":\"recommendation.created\",\"created_at\":\"" + past
                + "\",\"dry_run\":false,\"data\":{\"recommendation_id\":\"r-1\"}}";
        jdbc.sql("""
                insert into webhook_outbox (id, event_type, payload, target_url, status, attempts, created_at,
                updated_at,
                next_attempt_at, claimed_until) values (:id, 'recommendation.created', :payload, :url, 'pending',
                :attempts,
                :past, :past, :next, :claimed)""")
                .param("id", id)
                .param("payload", payload)
                .param("url", N8N.url())
                .param("attempts", attempts)
                .param("past", past)
                .param("next", nextAttempt)
                .param("claimed", past.plusMinutes(2))
                .update();
        return id;
    }

    List<WebhookReceiver.Delivery> deliveriesOf(String id) {
        return N8N.deliveries().stream().filter(d -> id.equals(d.id())).toList();
    }

    String status(String id) {
        return jdbc.sql("select status from webhook_outbox where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void theScheduledTaskDeliversAStrandedEventSignedExactlyOnce() throws InterruptedException {
        assertThat(scheduler.taskNames()).contains("webhook-redelivery");
        String id = strandedEvent(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5), 0);
        for (int i = 0; i < 200 && deliveriesOf(id).isEmpty(); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(2_500); // two more passes of the 1 s task
        List<WebhookReceiver.Delivery> got = deliveriesOf(id);
        assertThat(got).hasSize(1);
        WebhookReceiver.Delivery d = got.get(0);
        assertThat(d.signature())
                .isEqualTo(WebhookSigner.sign(SECRET, d.timestamp(), d.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(d.body()).contains(id);
        assertThat(status(id)).isEqualTo("sent");
        assertThat(jdbc.sql("select attempts from webhook_outbox where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentPassesClaimEachEventOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(strandedEvent(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            passes.add(pool.submit(redelivery::redeliverDue));
        }
        for (Future<Integer> f : passes) {
            f.get();
        }
        pool.shutdown();
        Thread.sleep(1_500); // and the scheduled pass
        for (String id : ids) {
            assertThat(deliveriesOf(id)).as(id).hasSize(1);
            assertThat(status(id)).isEqualTo("sent");
        }
    }

    @Test
    void aRetryThatIsNotDueYetWaits() throws InterruptedException {
        String id = strandedEvent(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), 2);
        redelivery.redeliverDue();
        Thread.sleep(1_200);
        assertThat(deliveriesOf(id)).isEmpty();
        assertThat(status(id)).isEqualTo("pending");
    }

    @Test
    void aFailedAttemptIsRescheduledThenDelivered() throws InterruptedException {
        N8N.failNext(1);
        String id = strandedEvent(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), 0);
        for (int i = 0; i < 200 && (deliveriesOf(id).size() < 2 || !status(id).equals("sent")); i++) {
            Thread.sleep(50);
        }
        assertThat(deliveriesOf(id)).hasSize(2);
        assertThat(status(id)).isEqualTo("sent");
    }
}
