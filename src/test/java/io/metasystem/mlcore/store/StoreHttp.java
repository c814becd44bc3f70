package io.metasystem.mlcore.store;

import io.metasystem.mlcore.api.HttpClientSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Store-route shortcuts over the shared test client ({@link HttpClientSupport}), always with the API key. */
final class StoreHttp {
    static final String KEY = HttpClientSupport.KEY;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClientSupport http;

    StoreHttp(int port) {
        this.http = new HttpClientSupport(port);
    }

    HttpRequest.Builder request(String path) {
        // imports of large files may take longer than the shared client's default timeout
        return http.request(path).timeout(Duration.ofSeconds(120)).header("X-API-Key", KEY);
    }

    HttpResponse<String> send(HttpRequest request) {
        return http.send(request);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
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
