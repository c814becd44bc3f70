package io.metasystem.mlcore.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for the n8n webhook endpoint: records every delivery; can fail the next N deliveries whose body
 * contains a marker with 500 (a marker, so a delivery another test left in flight never takes the failure).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One received request: body and the signature, timestamp and event id headers. */
    public record Delivery(String body, String signature, String timestamp, String id) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<String> failMarker = new AtomicReference<>("");

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var h = exchange.getRequestHeaders();
                deliveries.add(new Delivery(
                        body, h.getFirst("X-Signature"), h.getFirst("X-Timestamp"), h.getFirst("X-Webhook-Id")));
                boolean fail = body.contains(failMarker.get()) && failuresLeft.getAndDecrement() > 0;
                exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/ml-core";
    }

    /** Answers 500 to the next {@code n} deliveries whose body contains {@code marker}. */
    public void failNext(int n, String marker) {
        failMarker.set(marker);
        failuresLeft.set(n);
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Forgets recorded deliveries and pending failures. */
    public void clear() {
        deliveries.clear();
        failuresLeft.set(0);
        failMarker.set("");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
