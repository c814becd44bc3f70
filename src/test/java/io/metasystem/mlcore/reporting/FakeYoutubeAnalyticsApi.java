package io.metasystem.mlcore.reporting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for youtubeanalytics.googleapis.com on the JDK's HTTP server, answering
 * {@code GET /v2/reports?ids=channel==<id>&startDate&endDate&metrics=…&dimensions=day} with the documented result
 * table ({@code columnHeaders} in the order of {@code metrics}, {@code rows} per day in the range, sorted) from the
 * days stored per channel; a wrong bearer token gets the documented 401 body, and scripted answers per channel (a 403
 * {@code quotaExceeded}, a 503) are served first. Records every request's query and {@code Authorization} header.
 */
public final class FakeYoutubeAnalyticsApi implements AutoCloseable {
    public static final String QUOTA = """
            {"error": {"code": 403, "message": "The request cannot be completed because you have exceeded your quota.",
             "errors": [{"message": "quota", "domain": "youtube.quota", "reason": "quotaExceeded"}]}}
            """;
    public static final String BACKEND_ERROR = """
            {"error": {"code": 503, "message": "The service is currently unavailable.",
             "errors": [{"message": "backendError", "domain": "global", "reason": "backendError"}]}}
            """;
    static final String UNAUTHORIZED = """
            {"error": {"code": 401, "message": "Request had invalid authentication credentials.",
             "errors": [{"message": "Invalid Credentials", "domain": "global", "reason": "authError"}],
             "status": "UNAUTHENTICATED"}}
            """;

    /** One request as received. */
    public record Received(Map<String, String> query, String authorization) {}

    private final HttpServer server;
    private final String token;
    private final Map<String, TreeMap<LocalDate, Map<String, Long>>> channels = new ConcurrentHashMap<>();
    private final Map<String, Deque<Object[]>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    /** @param token the access token the fake accepts */
    public FakeYoutubeAnalyticsApi(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v2/reports", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stores a channel's day: views, estimatedMinutesWatched, subscribersGained, subscribersLost, likes, shares. */
    public FakeYoutubeAnalyticsApi day(
            String channel, LocalDate day, long views, long minutes, long gained, long lost, long likes, long shares) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("views", views);
        m.put("estimatedMinutesWatched", minutes);
        m.put("subscribersGained", gained);
        m.put("subscribersLost", lost);
        m.put("likes", likes);
        m.put("shares", shares);
        channels.computeIfAbsent(channel, k -> new TreeMap<>()).put(day, m);
        return this;
    }

    /** The next request for the channel gets this answer instead (in order, once each). */
    public FakeYoutubeAnalyticsApi script(String channel, int status, String body) {
        scripts.computeIfAbsent(channel, k -> new ArrayDeque<>()).add(new Object[] {status, body});
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(query, authorization));
        if (!("Bearer " + token).equals(authorization)) {
            send(exchange, 401, UNAUTHORIZED);
            return;
        }
        String channel = query.getOrDefault("ids", "").replaceFirst("^channel==", "");
        Deque<Object[]> script = scripts.get(channel);
        Object[] scripted = script == null ? null : script.poll();
        if (scripted != null) {
            send(exchange, (Integer) scripted[0], (String) scripted[1]);
            return;
        }
        List<String> metrics = List.of(query.getOrDefault("metrics", "").split(","));
        StringBuilder body = new StringBuilder("{\"kind\": \"youtubeAnalytics#resultTable\", \"columnHeaders\": [");
        body.append("{\"name\": \"day\", \"columnType\": \"DIMENSION\", \"dataType\": \"STRING\"}");
        for (String metric : metrics) {
            body.append(", {\"name\": \"")
                    .append(metric)
                    .append("\", \"columnType\": \"METRIC\", \"dataType\": \"INTEGER\"}");
        }
        body.append("], \"rows\": [");
        LocalDate from = LocalDate.parse(query.get("startDate"));
        LocalDate to = LocalDate.parse(query.get("endDate"));
        String separator = "";
        for (var day : channels.getOrDefault(channel, new TreeMap<>())
                .subMap(from, true, to, true)
                .entrySet()) {
            body.append(separator).append("[\"").append(day.getKey()).append('"');
            for (String metric : metrics) {
                body.append(", ").append(day.getValue().getOrDefault(metric, 0L));
            }
            body.append(']');
            separator = ", ";
        }
        body.append("]}");
        send(exchange, 200, body.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
