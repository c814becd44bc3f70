package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.config.WebhookProperties;
import io.metasystem.mlcore.scheduling.ClusteredScheduler;
import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stranded as {@code pending} (the process died before delivering them) are delivered by the clustered
 * re-delivery task, signed, exactly once, even when several passes run concurrently (as on several replicas). Passes
 * that must prove nothing is sent run here, directly; the one time-dependent case runs on a fixed {@link Clock}.
 */
class OutboxRedeliveryTest extends LiveMetaTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRedelivery redelivery;

    @Autowired
    ClusteredScheduler scheduler;

    @Autowired
    Outbox outbox;

    @Autowired
    WebhookDelivery delivery;

    @Autowired
    WebhookProperties properties;

    @Autowired
    MlCoreProperties core;

    /** A pending event as a process leaves it when it dies after recording it: claim expired, attempt due. */
    String strandedEvent(OffsetDateTime nextAttempt, int attempts) {
        return strandedEvent(UUID.randomUUID().toString(), nextAttempt, attempts);
    }

    String strandedEvent(String id, OffsetDateTime nextAttempt, int attempts) {
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
    void theScheduledTaskDeliversAStrandedEventSignedExactlyOnce() {
        assertThat(scheduler.taskNames()).contains("webhook-redelivery");
        String id = strandedEvent(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5), 0);
        await("the scheduled pass delivers " + id)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !deliveriesOf(id).isEmpty() && status(id).equals("sent"));
        redelivery.redeliverDue(); // two more passes, run here: neither may send it again
        redelivery.redeliverDue();
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
        redelivery.redeliverDue(); // and one more pass, as the scheduled one, run here
        for (String id : ids) {
            assertThat(deliveriesOf(id)).as(id).hasSize(1);
            assertThat(status(id)).isEqualTo("sent");
        }
    }

    @Test
    void aRetryThatIsNotDueYetWaits() {
        Instant now = Instant.now();
        String id = strandedEvent(now.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC), 2);
        OutboxRedelivery at = new OutboxRedelivery(
                outbox, delivery, properties, core, Clock.fixed(now.plusSeconds(1), ZoneOffset.UTC));
        at.redeliverDue(); // a pass a second later: the attempt is not due
        assertThat(deliveriesOf(id)).isEmpty();
        assertThat(status(id)).isEqualTo("pending");
        // once due, a pass delivers it (and leaves nothing pending in the shared outbox)
        new OutboxRedelivery(
                        outbox, delivery, properties, core, Clock.fixed(now.plus(Duration.ofHours(2)), ZoneOffset.UTC))
                .redeliverDue();
        assertThat(deliveriesOf(id)).hasSize(1);
        assertThat(status(id)).isEqualTo("sent");
    }

    @Test
    void aFailedAttemptIsRescheduledThenDelivered() {
        String id = UUID.randomUUID().toString();
        N8N.failNext(1, id);
        strandedEvent(id, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), 0);
        await("the failed attempt of " + id + " is retried")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> deliveriesOf(id).size() >= 2 && status(id).equals("sent"));
        assertThat(deliveriesOf(id)).hasSize(2);
        assertThat(status(id)).isEqualTo("sent");
    }
}
