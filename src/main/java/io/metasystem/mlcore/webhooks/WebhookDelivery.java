package io.metasystem.mlcore.webhooks;

import io.metasystem.mlcore.config.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One signed delivery attempt of an event to {@code N8N_WEBHOOK_URL}, and the retry policy shared by the first
 * delivery and re-delivery: up to {@code WEBHOOK_MAX_ATTEMPTS}, waits doubling from {@code WEBHOOK_INITIAL_BACKOFF}
 * with jitter (50-100 %), no retry after a 4xx other than 408/429.
 */
@Component
class WebhookDelivery {
    /** How long a process holds an event while it delivers it (an attempt takes at most ~40 s: connect + timeout). */
    static final Duration CLAIM = Duration.ofMinutes(2);

    /** @param error null when delivered; never contains the secret */
    record Attempt(boolean delivered, boolean retryable, Integer status, String error) {}

    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    // HTTP/1.1 only: over plain http the JDK client would ask for an h2c upgrade, and servers that handle upgrades
    // themselves (n8n does, for its websocket push) then never answer the POST.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    WebhookDelivery(WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        for (String outcome : OUTCOMES) {
            timer(outcome);
        }
    }

    /**
     * The timer {@code mlcore.webhook.deliveries} (Prometheus {@code mlcore_webhook_deliveries_seconds_*}) of every
     * delivery attempt, first or re-delivery, labelled only by {@code outcome}: {@code delivered}, {@code retry} (a
     * failure that is tried again) or {@code refused} (a 4xx other than 408/429: not retried).
     */
    static final String METRIC = "mlcore.webhook.deliveries";

    private static final List<String> OUTCOMES = List.of("delivered", "retry", "refused");

    private Timer timer(String outcome) {
        return Timer.builder(METRIC)
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** {@link #attempt} timed by outcome. */
    Attempt send(String id, String payload) throws InterruptedException {
        long started = meters.config().clock().monotonicTime();
        Attempt a = attempt(id, payload);
        timer(a.delivered() ? "delivered" : a.retryable() ? "retry" : "refused")
                .record(meters.config().clock().monotonicTime() - started, TimeUnit.NANOSECONDS);
        return a;
    }

    /** @throws InterruptedException when the thread is interrupted (shutdown); the event stays pending */
    private Attempt attempt(String id, String payload) throws InterruptedException {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        try {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.n8nUrl()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(WebhookSigner.TIMESTAMP_HEADER, timestamp)
                    .header(WebhookSigner.ID_HEADER, id)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (properties.secret() != null) {
                request.header(
                        WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(properties.secret(), timestamp, body));
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status / 100 == 2) {
                return new Attempt(true, false, status, null);
            }
            boolean retryable = !(status / 100 == 4 && status != 408 && status != 429); // the receiver refuses it
            return new Attempt(false, retryable, status, "HTTP " + status);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Attempt(false, true, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    int maxAttempts() {
        return properties.maxAttempts();
    }

    /** Wait after the given number of failed attempts (1, 2, …): the initial back-off doubled, with jitter. */
    Duration backoff(int failedAttempts) {
        long base =
                Math.max(1, properties.initialBackoff().toMillis() << Math.min(20, Math.max(0, failedAttempts - 1)));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
