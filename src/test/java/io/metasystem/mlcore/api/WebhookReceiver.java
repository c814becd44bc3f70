package io.metasystem.mlcore.api;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A local stand-in for the n8n webhook endpoint: records every delivery; can fail the first N with 500. */
final class WebhookReceiver implements AutoCloseable {
    record Delivery(String body, String signature, String timestamp, String id) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresLeft = new AtomicInteger();

    WebhookReceiver() {
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
                int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/ml-core";
    }

    void failNext(int n) {
        failuresLeft.set(n);
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    void clear() {
        deliveries.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
