package io.metasystem.mlcore.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the running test server (as the api tests do). */
final class StoreHttp {
    static final String KEY = "test-key-0123456789abcdef";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    StoreHttp(int port) {
        this.port = port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(120))
                .header("X-API-Key", KEY);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> csv(String account, String body) {
        return post("/api/v1/accounts/" + account + "/insights.csv", "text/csv", body);
    }

    HttpResponse<String> json(String account, String body) {
        return post("/api/v1/accounts/" + account + "/insights", "application/json", body);
    }

    static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String example(String name) {
        try {
            return Files.readString(Path.of("docs/examples", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] exampleBytes(String name) {
        try {
            return Files.readAllBytes(Path.of("docs/examples", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
