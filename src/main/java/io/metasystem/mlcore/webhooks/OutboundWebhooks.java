package io.metasystem.mlcore.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.config.WebhookProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Outbound events to n8n ({@code N8N_WEBHOOK_URL}): every event is first written to {@code webhook_outbox}, then
 * delivered in the background, signed like inbound webhooks, with up to {@code WEBHOOK_MAX_ATTEMPTS} attempts and
 * exponential back-off with jitter. With DUMMY_MODE=true an event is only recorded (status {@code dry_run}).
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-delivery");
        t.setDaemon(true);
        return t;
    });

    public OutboundWebhooks(WebhookProperties properties, MlCoreProperties core, JdbcClient jdbc, ObjectMapper mapper,
                            Clock clock) {
        this.properties = properties;
        this.dummyMode = core.dummyMode();
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
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
            envelope.put("data", Map.of("truncated", true, "size", payload.length(),
                    "note", "event data too large for a webhook; read it from the ML Core API"));
            payload = mapper.writeValueAsString(envelope);
        }
        String status = dummyMode ? "dry_run" : properties.n8nUrl() == null ? "not_configured" : "pending";
        jdbc.sql("""
                insert into webhook_outbox (id, event_type, payload, target_url, status, attempts, created_at, updated_at)
                values (:id, :type, :payload, :url, :status, 0, :now, :now)""")
                .param("id", id).param("type", type).param("payload", payload).param("url", properties.n8nUrl())
                .param("status", status).param("now", now).update();
        if ("pending".equals(status)) {
            String body = payload;
            deliveries.submit(() -> deliver(id, body));
        } else {
            log.info("Webhook {} {} recorded as {}", type, id, status);
        }
        return id;
    }

    /** Most recent first. */
    public List<OutboxEntry> recent(int limit) {
        return jdbc.sql("select * from webhook_outbox order by created_at desc, id limit :limit").param("limit", limit)
                .query((rs, n) -> new OutboxEntry(rs.getString("id"), rs.getString("event_type"), rs.getString("payload"),
                        rs.getString("target_url"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getObject("response_status", Integer.class),
                        rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class)))
                .list();
    }

    private void deliver(String id, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        Duration wait = properties.initialBackoff();
        String error = null;
        Integer status = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            try {
                String timestamp = Long.toString(clock.instant().getEpochSecond());
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.n8nUrl()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(WebhookSigner.TIMESTAMP_HEADER, timestamp)
                        .header(WebhookSigner.ID_HEADER, id)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                if (properties.secret() != null) {
                    request.header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(properties.secret(), timestamp, body));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status / 100 == 2) {
                    update(id, "sent", attempt, null, status);
                    log.info("Webhook {} delivered on attempt {}", id, attempt);
                    return;
                }
                error = "HTTP " + status;
                if (status / 100 == 4 && status != 408 && status != 429) {
                    break; // the receiver refuses this event; retrying will not help
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            update(id, attempt < properties.maxAttempts() ? "pending" : "failed", attempt, error, status);
            if (attempt < properties.maxAttempts()) {
                sleep(jitter(wait));
                wait = wait.multipliedBy(2);
            }
        }
        update(id, "failed", properties.maxAttempts(), error, status);
        log.warn("Webhook {} failed: {}", id, error);
    }

    private void update(String id, String status, int attempts, String error, Integer responseStatus) {
        jdbc.sql("""
                update webhook_outbox set status = :status, attempts = :attempts, last_error = :error,
                response_status = :code, updated_at = :now where id = :id""")
                .param("status", status).param("attempts", attempts)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .param("code", responseStatus).param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id)
                .update();
    }

    private static Duration jitter(Duration base) {
        long millis = Math.max(1, base.toMillis());
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        deliveries.shutdown();
        deliveries.awaitTermination(5, TimeUnit.SECONDS);
    }
}
