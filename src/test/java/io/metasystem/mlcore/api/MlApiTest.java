package io.metasystem.mlcore.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasystem.mlcore.MlCoreApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Train → registry → predict through the real HTTP server (H2 in memory). */
@SpringBootTest(classes = MlCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mlcore.api-key=" + MlApiTest.KEY})
class MlApiTest {
    static final String KEY = "test-key-0123456789abcdef";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path dataDir;

    @LocalServerPort
    int port;

    @BeforeAll
    static void copyData() throws Exception {
        dataDir = Files.createTempDirectory("ml-data");
        Files.copy(Path.of("data/samples/kag_conversion_data.csv"), dataDir.resolve("kag_conversion_data.csv"));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("mlcore.ml.data-dir", () -> dataDir.toString());
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("X-API-Key", KEY).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode awaitJob(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(send("GET", "/api/v1/ml/jobs/" + id, null).body());
            String status = job.get("status").asString();
            if (status.equals("succeeded") || status.equals("failed")) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void trainRegisterPredictRetryAndErrors() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/ml/train", "{\"csv\":\"kag_conversion_data.csv\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitJob(JSON.readTree(started.body()).get("id").asString());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("steps_done").asInt()).isEqualTo(job.get("steps_total").asInt()).isPositive();
        long version = job.get("model_version").asLong();

        JsonNode models = JSON.readTree(send("GET", "/api/v1/ml/models?scope=kag", null).body());
        assertThat(models).hasSize(1);
        assertThat(models.get(0).get("status").asString()).isEqualTo("champion");
        JsonNode detail = JSON.readTree(send("GET", "/api/v1/ml/models/" + version, null).body());
        assertThat(detail.get("provenance").get("artifactSha256").asString())
                .isEqualTo(detail.get("model").get("artifact_sha256").asString());

        HttpResponse<String> predicted = send("POST", "/api/v1/ml/predict", "{\"scope\":\"kag\",\"attributes\":"
                + "{\"campaign\":\"1178\",\"age\":\"30-34\",\"gender\":\"M\",\"interest\":\"16\"}}");
        assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(predicted.body());
        assertThat(p.get("model_version").asLong()).isEqualTo(version);
        assertThat(p.get("prior").get("cpa").asDouble()).isPositive();
        assertThat(p.get("prior").get("weight").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(p.get("prior").get("source").asString()).startsWith("ml:xgb-kag");

        // a retry trains the same deterministic model and does not add a version
        JsonNode retry = awaitJob(JSON.readTree(send("POST", "/api/v1/ml/train",
                "{\"csv\":\"kag_conversion_data.csv\"}").body()).get("id").asString());
        assertThat(retry.get("model_version").asLong()).isEqualTo(version);
        assertThat(JSON.readTree(send("GET", "/api/v1/ml/models", null).body())).hasSize(1);

        // optimize with model priors: the new ad set gets the champion's prior, the answer names the model
        String optimize = "{\"currency\":\"EUR\",\"budget\":{\"total\":100},\"seed\":1,\"use_model_priors\":true,"
                + "\"model_scope\":\"kag\",\"adsets\":[{\"id\":\"old\",\"current_budget\":50,\"metrics\":"
                + "{\"spend\":300,\"clicks\":100,\"conversions\":10}},{\"id\":\"new\",\"current_budget\":50,"
                + "\"attributes\":{\"campaign\":\"1178\",\"age\":\"30-34\",\"gender\":\"M\",\"interest\":\"16\","
                + "\"log_spend\":\"3.9\"}}]}";
        HttpResponse<String> optimized = send("POST", "/api/v1/meta_ads/optimize", optimize);
        assertThat(optimized.statusCode()).as(optimized.body()).isEqualTo(200);
        JsonNode o = JSON.readTree(optimized.body());
        assertThat(o.get("model_version").asLong()).isEqualTo(version);
        assertThat(o.get("model_id").asString()).startsWith("xgb-kag");
        JsonNode stored = JSON.readTree(send("GET", "/api/v1/recommendations/" + o.get("recommendation_id").asString(),
                null).body());
        assertThat(stored.get("model_version").asString()).isEqualTo("v" + version + ":" + o.get("model_id").asString());
        HttpResponse<String> withoutPriors = send("POST", "/api/v1/meta_ads/optimize",
                optimize.replace("\"use_model_priors\":true", "\"use_model_priors\":false"));
        assertThat(withoutPriors.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withoutPriors.body()).has("model_version")).isFalse();
        assertThat(o.get("adsets").get(1).toString()).isNotEqualTo(JSON.readTree(withoutPriors.body()).get("adsets")
                .get(1).toString());
        HttpResponse<String> noScope = send("POST", "/api/v1/meta_ads/optimize", optimize.replace("\"model_scope\":\"kag\",", ""));
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.body()).contains("model_scope");
        assertThat(send("POST", "/api/v1/meta_ads/optimize", optimize.replace("\"model_scope\":\"kag\"",
                "\"model_scope\":\"nothing\"")).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/meta_ads/optimize", optimize.replace("\"3.9\"", "\"abc\"")).statusCode())
                .isEqualTo(400);

        assertThat(send("POST", "/api/v1/ml/models/" + version + "/promote", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/ml/models/999", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/ml/jobs/nope", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/ml/predict", "{\"scope\":\"none\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = send("POST", "/api/v1/ml/train", "{\"csv\":\"../etc/passwd\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("csv");
        assertThat(send("POST", "/api/v1/ml/train", "{\"csv\":\"kag_conversion_data.csv\",\"target\":\"x\"}")
                .statusCode()).isEqualTo(400);
    }
}
