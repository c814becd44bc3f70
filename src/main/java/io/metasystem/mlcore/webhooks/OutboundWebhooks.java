package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.config.WebhookProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Outbound events to n8n ({@code N8N_WEBHOOK_URL}): every event is first written to {@code webhook_outbox}, then
 * delivered in the background, signed like inbound webhooks, with up to {@code WEBHOOK_MAX_ATTEMPTS} attempts and
 * exponential back-off with jitter ({@link WebhookDelivery}). Events left pending by a process that stopped are
 * delivered by {@link OutboxRedelivery}. With DUMMY_MODE=true an event is only recorded (status {@code dry_run}).
 * <p>
 * Event body: {@code {"id", "type", "created_at", "data"}}. Types: {@code recommendation.created},
 * {@code recommendation.applied}, {@code alert}.
 */
@Component
public class OutboundWebhooks {
    private static final Logger log = LoggerFactory.getLogger(OutboundWebhooks.class);

    private final WebhookProperties properties;
    private final boolean dummyMode;
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Outbox outbox;
    private final WebhookDelivery delivery;
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-delivery");
        t.setDaemon(true);
        return t;
    });

    OutboundWebhooks(
            WebhookProperties properties,
            MlCoreProperties core,
            JdbcClient jdbc,
            ObjectMapper mapper,
            Clock clock,
            Outbox outbox,
            WebhookDelivery delivery) {
        this.properties = properties;
        this.dummyMode = core.dummyMode();
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    /** Largest stored and sent event body; larger data is replaced by a note (n8n can fetch the resource). */
    static final int MAX_PAYLOAD = 150_000;

    /**
     * Records the event and, unless in dummy mode or unconfigured, schedules its delivery. Never throws: a webhook
     * problem must not fail the optimize or apply that raised it (it is logged instead).
     *
     * @return the event id, or {@code null} when it could not even be recorded
     */
    public String publish(String type, Object data) {
        try {
            return record(type, data);
        } catch (RuntimeException e) {
            log.error("Webhook {} could not be recorded: {}", type, e.getMessage());
            return null;
        }
    }

    private String record(String type, Object data) {
        String id = UUID.randomUUID().toString();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("created_at", now.toString());
        envelope.put("dry_run", dummyMode);
        envelope.put("data", data);
        String payload = mapper.writeValueAsString(envelope);
        if (payload.length() > MAX_PAYLOAD) {
            envelope.put(
                    "data",
                    Map.of(
                            "truncated",
                            true,
                            "size",
                            payload.length(),
                            "note",
                            "event data too large for a webhook; read it from the ML Core API"));
            payload = mapper.writeValueAsString(envelope);
        }
        DeliveryStatus status = dummyMode
                ? DeliveryStatus.DRY_RUN
                : properties.n8nUrl() == null ? DeliveryStatus.NOT_CONFIGURED : DeliveryStatus.PENDING;
        // a pending event is claimed by this process from the start, so the re-delivery task leaves it alone
        outbox.insert(
                id,
                type,
                payload,
                properties.n8nUrl(),
                status,
                now,
                status == DeliveryStatus.PENDING ? now.plus(WebhookDelivery.CLAIM) : null);
        if (status == DeliveryStatus.PENDING) {
            String body = payload;
            deliveries.submit(() -> deliver(id, body));
        } else {
            log.info("Webhook {} {} recorded as {}", type, id, status);
        }
        return id;
    }

    /** Most recent first. */
    public List<OutboxEntry> recent(int limit) {
        return jdbc.sql("select * from webhook_outbox order by created_at desc, id limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new OutboxEntry(
                        rs.getString("id"),
                        rs.getString("event_type"),
                        Outbox.payload(rs),
                        rs.getString("target_url"),
                        DeliveryStatus.of(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getObject("response_status", Integer.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Delivers a fresh event with every attempt in this thread, holding the claim through the waits; if the process
     * stops meanwhile, the claim expires and {@link OutboxRedelivery} continues with the next attempt.
     */
    private void deliver(String id, String payload) {
        for (int attempt = 1; ; attempt++) {
            WebhookDelivery.Attempt result;
            try {
                result = delivery.send(id, payload);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outbox.release(id, now());
                log.info("Webhook {} left pending for re-delivery (shutting down)", id);
                return;
            }
            Optional<Duration> wait = outbox.recordAttempt(id, attempt, result, delivery, now(), true);
            if (wait.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(wait.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outbox.release(id, now());
                return;
            }
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        deliveries.shutdown();
        deliveries.awaitTermination(5, TimeUnit.SECONDS);
    }
}
