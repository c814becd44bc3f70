package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Key rotation (two values of API_KEY) and read-only keys (API_KEYS_READONLY) through the real server. */
class ApiKeyAccessTest extends WebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    private HttpResponse<String> call(String method, String path, String key, String body) {
        HttpRequest.Builder b = http.request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build());
    }

    @Test
    void bothValuesOfARotatedApiKeyOptimize() throws IOException {
        String body = OptimizeApiTest.example().toString();
        assertThat(call("POST", OptimizeApiTest.OPTIMIZE, HttpClientSupport.KEY, body)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("POST", OptimizeApiTest.OPTIMIZE, ROTATED_KEY, body).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aReadOnlyKeyReadsButEveryWriteIsA403NamingTheRoute() throws IOException {
        assertThat(call("GET", "/api/v1/accounts", READ_ONLY_KEY, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> write = call(
                "POST",
                OptimizeApiTest.OPTIMIZE,
                READ_ONLY_KEY,
                OptimizeApiTest.example().toString());
        assertProblem(write, 403, "Forbidden");
        JsonNode problem = JSON.readTree(write.body());
        assertThat(problem.get("route").asString()).isEqualTo("POST " + OptimizeApiTest.OPTIMIZE);
        assertThat(problem.get("detail").asString()).contains("POST " + OptimizeApiTest.OPTIMIZE);
        assertThat(write.body()).doesNotContain(READ_ONLY_KEY);
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            assertThat(call(method, "/api/v1/accounts/1/adsets/2/attributes", READ_ONLY_KEY, "{}")
                            .statusCode())
                    .as(method)
                    .isEqualTo(403);
        }
    }

    @Test
    void aKeyThatIsNeitherIsStill401() {
        assertProblem(call("GET", "/api/v1/accounts", "not-a-key-0123456789abcdef", null), 401, "Unauthorized");
    }
}
