package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wrong keys throttled per client address (API_AUTH_FAILURES_PER_MINUTE) through the real server, with 20 per minute
 * (one token back every 3 s): past the limit every request from the address is a 429 with Retry-After, the right key
 * included (a guess sent then learns nothing); a second later the right key works again, and right keys never use the
 * address's budget.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + HttpClientSupport.KEY,
            "mlcore.rate-limit.auth-failures-per-minute=" + FailedKeyThrottleApiTest.LIMIT
        })
class FailedKeyThrottleApiTest {
    static final int LIMIT = 20;
    private static final String WRONG = "wrong-key-0123456789abcdef";
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
    void wrongKeysFromOneAddressAreThrottledAndTheRightKeyWorksAgainAfterTheWait() {
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertThat(get("/api/v1/accounts", HttpClientSupport.KEY).statusCode())
                    .as("right keys use no budget")
                    .isEqualTo(200);
        }
        int unauthorized = 0;
        HttpResponse<String> throttled = null;
        while (unauthorized < 3 * LIMIT) {
            HttpResponse<String> answer = get("/api/v1/accounts", unauthorized % 10 == 0 ? null : WRONG);
            if (answer.statusCode() == 429) {
                throttled = answer;
                break;
            }
            assertProblem(answer, 401, "Unauthorized");
            unauthorized++;
        }
        // the limit, plus the tokens that came back (one per 3 s) while the requests were sent
        assertThat(unauthorized).isBetween(LIMIT, 2 * LIMIT);
        assertThat(throttled).as("throttled within the limit and its refill").isNotNull();
        assertProblem(throttled, 429, "Too Many Requests");
        long retryAfter =
                Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3L);
        JsonNode body = JSON.readTree(throttled.body());
        assertThat(body.get("retry_after_seconds").asLong()).isEqualTo(retryAfter);
        assertThat(body.get("detail").asString()).contains("API_AUTH_FAILURES_PER_MINUTE");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("X-API-Key");
        assertThat(throttled.body()).doesNotContain(WRONG).doesNotContain(HttpClientSupport.KEY);

        // Keep the address throttled: the right key sent meanwhile is refused like any guess.
        HttpResponse<String> rightWhileThrottled = get("/api/v1/accounts", HttpClientSupport.KEY);
        assertThat(rightWhileThrottled.statusCode()).isEqualTo(429);
        assertThat(rightWhileThrottled.body()).doesNotContain(HttpClientSupport.KEY);
        assertThat(get("/health", null).statusCode())
                .as("open routes are never throttled")
                .isEqualTo(200);

        await("the right key works again once a token is back")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/accounts", HttpClientSupport.KEY).statusCode() == 200);
        for (int i = 0; i < LIMIT; i++) {
            assertThat(get("/api/v1/accounts", HttpClientSupport.KEY).statusCode())
                    .isEqualTo(200);
        }
        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("mlcore_api_auth_throttled_total");
        assertThat(metrics).doesNotContain(WRONG).doesNotContain("127.0.0.1");
    }
}
