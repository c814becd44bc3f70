package io.metasystem.mlcore.faults;

import io.metasystem.mlcore.meta.FakeGraphApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the service as a process while an Ads Manager import (half its body sent), a sync job (its Graph API call
 * hung) and a training job are all in flight, then a restart on the same H2 file store with a short lease: the
 * import left no row, and imports again all its rows once; the jobs are marked failed as interrupted by the lease
 * sweep; the sync resubmitted succeeds and a second one changes nothing; the interrupted training registered no
 * model and can be submitted again.
 */
class KillDashNineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "7841";
    private static final String SYNC_ACCOUNT = "7842";
    private static final String SYNC = "/api/v1/accounts/" + SYNC_ACCOUNT + "/sync?since=2026-11-01&until=2026-11-02";
    private static final FakeGraphApi GRAPH = new FakeGraphApi();

    @TempDir
    Path workDir;

    @BeforeAll
    static void graph() {
        GRAPH.clear();
        GRAPH.adSet("23851000000007842", "Lookalike", "ACTIVE", 5000L, "23850000000007842");
        GRAPH.insight("23851000000007842", "2026-11-01", "41.50", 4100, 52, 3, "59.70");
        GRAPH.insight("23851000000007842", "2026-11-02", "38.20", 3900, 47, 2, "40.10");
    }

    @AfterAll
    static void closeGraph() {
        GRAPH.holdUntil(null);
        GRAPH.close();
    }

    private Map<String, String> settings() {
        return Map.of(
                "mlcore.dummy-mode", "false",
                "mlcore.meta.access-token", "EAAB-kill-test",
                "mlcore.meta.api-base", GRAPH.baseUrl(),
                "mlcore.meta.max-retries", "0",
                "mlcore.jobs.lease", "2s",
                "mlcore.ml.data-dir", Path.of("data/samples").toAbsolutePath().toString());
    }

    @Test
    void afterKill9TheImportLeftNothingAndTheJobsAreInterruptedAndCanBeRetriedWithoutDuplicates() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("docs/examples/ads_manager_export.csv"));
        CountDownLatch releaseGraph = new CountDownLatch(1);
        String syncUrl;
        String trainingId;
        try (ServiceProcess service = ServiceProcess.start(workDir, settings());
                Socket slow = new Socket("127.0.0.1", service.port())) {
            GRAPH.holdUntil(releaseGraph);
            HttpResponse<String> sync = service.post(SYNC, "text/plain", "");
            assertThat(sync.statusCode()).as(sync.body()).isEqualTo(202);
            syncUrl = JSON.readTree(sync.body()).get("status_url").asString();
            await("the sync job calls the hung Graph API")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> GRAPH.held() > 0);

            HttpResponse<String> train = service.post(
                    "/api/v1/ml/train",
                    "application/json",
                    Files.readString(Path.of("docs/examples/ml-train-request.json")));
            assertThat(train.statusCode()).as(train.body()).isEqualTo(202);
            trainingId = JSON.readTree(train.body()).get("id").asString();

            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/accounts/" + ACCOUNT + "/insights.csv HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + service.port() + "\r\n"
                            + "X-API-Key: " + ServiceProcess.KEY + "\r\n"
                            + "Content-Type: text/csv\r\n"
                            + "Content-Length: " + csv.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(csv, 0, csv.length / 2);
            out.flush();
            await("the import is in flight and the training runs")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> activePosts(service) >= 1
                            && "running"
                                    .equals(JSON.readTree(service.get("/api/v1/ml/jobs/" + trainingId)
                                                    .body())
                                            .get("status")
                                            .asString()));
            service.kill9();
        } finally {
            releaseGraph.countDown();
            GRAPH.holdUntil(null);
        }

        try (ServiceProcess again = ServiceProcess.start(workDir, settings())) {
            // The import was one transaction: nothing of it is stored.
            assertThat(again.get("/api/v1/accounts/" + ACCOUNT + "/insights").statusCode())
                    .isEqualTo(404);
            HttpResponse<String> reimport = again.post(
                    "/api/v1/accounts/" + ACCOUNT + "/insights.csv",
                    "text/csv",
                    new String(csv, StandardCharsets.UTF_8));
            long inserted = JSON.readTree(reimport.body()).get("inserted").asLong();
            assertThat(inserted).as(reimport.body()).isPositive();
            JsonNode third = JSON.readTree(again.post(
                            "/api/v1/accounts/" + ACCOUNT + "/insights.csv",
                            "text/csv",
                            new String(csv, StandardCharsets.UTF_8))
                    .body());
            assertThat(third.get("inserted").asLong()).isZero();
            assertThat(third.get("unchanged").asLong()).isEqualTo(inserted);

            // the embedded file store reports its size and chunk bookkeeping
            assertThat(metric(again, "mlcore_h2_file_size_bytes")).isGreaterThan(100_000);
            assertThat(metric(again, "mlcore_h2_chunks")).isPositive();
            assertThat(metric(again, "mlcore_h2_chunks_fill_ratio")).isBetween(0.0, 1.0);
            assertThat(metric(again, "mlcore_h2_compactions_total{kind=\"rewrite\""))
                    .isNotNegative();

            // The lease sweep marks both jobs of the killed process as interrupted.
            await("the sweep marks the jobs interrupted")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> status(again, syncUrl).equals("failed")
                            && status(again, "/api/v1/ml/jobs/" + trainingId).equals("failed"));
            assertThat(error(again, syncUrl)).startsWith("interrupted");
            assertThat(error(again, "/api/v1/ml/jobs/" + trainingId)).startsWith("interrupted");
            assertThat(JSON.readTree(again.get("/api/v1/ml/models").body()))
                    .as("no model registered")
                    .isEmpty();

            String retry = JSON.readTree(again.post(SYNC, "text/plain", "").body())
                    .get("status_url")
                    .asString();
            await("the resubmitted sync ends")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !status(again, retry).equals("running"));
            JsonNode retried = JSON.readTree(again.get(retry).body());
            assertThat(retried.get("status").asString()).as(retried.toString()).isEqualTo("succeeded");
            assertThat(retried.at("/result/import/inserted").asLong()).isEqualTo(2);
            String second = JSON.readTree(again.post(SYNC, "text/plain", "").body())
                    .get("status_url")
                    .asString();
            await("the second sync ends")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !status(again, second).equals("running"));
            JsonNode unchanged = JSON.readTree(again.get(second).body());
            assertThat(unchanged.at("/result/import/inserted").asLong()).isZero();
            assertThat(unchanged.at("/result/import/unchanged").asLong()).isEqualTo(2);

            HttpResponse<String> trainAgain = again.post(
                    "/api/v1/ml/train",
                    "application/json",
                    Files.readString(Path.of("docs/examples/ml-train-request.json")));
            assertThat(trainAgain.statusCode()).as(trainAgain.body()).isEqualTo(202);
            assertThat(JSON.readTree(trainAgain.body()).get("id").asString()).isNotEqualTo(trainingId);
            again.kill9();
        }
    }

    private static String status(ServiceProcess service, String path) {
        return JSON.readTree(service.get(path).body()).get("status").asString();
    }

    private static String error(ServiceProcess service, String path) {
        return JSON.readTree(service.get(path).body()).get("error").asString();
    }

    /** The value of the first line of {@code /actuator/prometheus} that starts with the given text. */
    static double metric(ServiceProcess service, String prefix) {
        String line = service.get("/actuator/prometheus")
                .body()
                .lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + prefix));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** POST requests the server is processing now. */
    static double activePosts(ServiceProcess service) {
        return service.get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith("http_server_requests_active_seconds_gcount{"))
                .filter(line -> line.contains("method=\"POST\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
