package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-key rate limits (API_RATE_LIMIT_PER_MINUTE) through the real server, with a limit of 5 per minute. */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + HttpClientSupport.KEY + "," + WebApiTest.ROTATED_KEY,
            "mlcore.api-keys-readonly=" + WebApiTest.READ_ONLY_KEY,
            "mlcore.rate-limit.per-minute=" + RateLimitApiTest.LIMIT
        })
class RateLimitApiTest {
    static final int LIMIT = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String key) {
        HttpClientSupport http = new HttpClientSupport(port);
        HttpRequest.Builder request = http.request(path).GET();
        if (key != null) {
            request.header(ApiKeyFilter.HEADER, key);
        }
        return http.send(request.build());
    }

    @Test
    void aNoisyKeyGets429WithRetryAfterWhileOtherKeysAndTheOpenRoutesAreNotLimited() {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(get("/api/v1/accounts", HttpClientSupport.KEY).statusCode())
                    .as("request %d", i)
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = get("/api/v1/accounts", HttpClientSupport.KEY);
        assertProblem(limited, 429, "Too Many Requests");
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        // 5 per minute refill one token every 12 s.
        assertThat(retryAfter).isBetween(1L, 12L);
        JsonNode body = JSON.readTree(limited.body());
        assertThat(body.get("retry_after_seconds").asLong()).isEqualTo(retryAfter);
        assertThat(body.get("detail").asString()).contains("API_RATE_LIMIT_PER_MINUTE");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("X-API-Key");
        assertThat(limited.body()).doesNotContain(HttpClientSupport.KEY);

        // Other keys have their own buckets: the rotated full key and the read-only key still get every request.
        for (String other : new String[] {WebApiTest.ROTATED_KEY, WebApiTest.READ_ONLY_KEY}) {
            for (int i = 0; i < LIMIT; i++) {
                assertThat(get("/api/v1/accounts", other).statusCode()).isEqualTo(200);
            }
        }
        assertThat(get("/api/v1/accounts", HttpClientSupport.KEY).statusCode()).isEqualTo(429);

        // The open routes are never limited, however often they are called, with or without the limited key.
        for (String open : new String[] {"/health", "/v3/api-docs", "/actuator/prometheus"}) {
            for (int i = 0; i < 3 * LIMIT; i++) {
                assertThat(get(open, i % 2 == 0 ? null : HttpClientSupport.KEY).statusCode())
                        .as(open)
                        .isEqualTo(200);
            }
        }
        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("mlcore_api_rate_limited_total{key=\"");
        assertThat(metrics).doesNotContain(HttpClientSupport.KEY);
    }

    @Test
    void aWrongKeyIsStill401NotLimited() {
        for (int i = 0; i < 2 * LIMIT; i++) {
            assertProblem(get("/api/v1/accounts", "not-a-key-0123456789abcdef"), 401, "Unauthorized");
        }
    }
}
