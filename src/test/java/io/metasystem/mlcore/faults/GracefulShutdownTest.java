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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM on the service as a process: a request in flight (an Ads Manager import whose body is still arriving)
 * completes and is stored, the process exits within the shutdown timeout, and a sync job that was running (its
 * Graph API call hung) is marked failed as interrupted at once, not after a lease; after a restart it can be submitted
 * again and succeeds, and the import is all there.
 */
class GracefulShutdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "7811";
    private static final String SYNC_ACCOUNT = "7812";
    private static final FakeGraphApi GRAPH = new FakeGraphApi();

    @TempDir
    Path workDir;

    @BeforeAll
    static void graph() {
        GRAPH.clear();
        GRAPH.adSet("23851000000007812", "Lookalike", "ACTIVE", 5000L, "23850000000007812");
        GRAPH.insight("23851000000007812", "2026-11-01", "41.50", 4100, 52, 3, "59.70");
        GRAPH.insight("23851000000007812", "2026-11-02", "38.20", 3900, 47, 2, "40.10");
    }

    @AfterAll
    static void closeGraph() {
        GRAPH.holdUntil(null);
        GRAPH.close();
    }

    private Map<String, String> settings() {
        return Map.of(
                "mlcore.dummy-mode", "false",
                "mlcore.meta.access-token", "EAAB-graceful-test",
                "mlcore.meta.api-base", GRAPH.baseUrl(),
                "mlcore.meta.max-retries", "0",
                "spring.lifecycle.timeout-per-shutdown-phase", "90s");
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishAndMarksTheRunningJobInterrupted() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("docs/examples/ads_manager_export.csv"));
        CountDownLatch releaseGraph = new CountDownLatch(1);
        String statusUrl;
        JsonNode imported;
        try (ServiceProcess service = ServiceProcess.start(workDir, settings())) {
            GRAPH.holdUntil(releaseGraph);
            HttpResponse<String> sync = service.post(
                    "/api/v1/accounts/" + SYNC_ACCOUNT + "/sync?since=2026-11-01&until=2026-11-02", "text/plain", "");
            assertThat(sync.statusCode()).as(sync.body()).isEqualTo(202);
            statusUrl = JSON.readTree(sync.body()).get("status_url").asString();
            await("the sync job calls the hung Graph API")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> GRAPH.held() > 0);

            // The import's body: the header and half the rows now, the rest only after SIGTERM (a raw socket, so the
            // test decides when each byte leaves).
            int half = indexOfLine(csv, 56);
            try (Socket slow = new Socket("127.0.0.1", service.port())) {
                slow.setSoTimeout(60_000);
                OutputStream out = slow.getOutputStream();
                out.write(("POST /api/v1/accounts/" + ACCOUNT + "/insights.csv HTTP/1.1\r\n"
                                + "Host: 127.0.0.1:" + service.port() + "\r\n"
                                + "X-API-Key: " + ServiceProcess.KEY + "\r\n"
                                + "Content-Type: text/csv\r\n"
                                + "Content-Length: " + csv.length + "\r\n"
                                + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(csv, 0, half);
                out.flush();
                await("the import is in flight")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> activePosts(service) >= 1);

                service.sigterm();
                await("the service stops taking new connections")
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> refusesConnections(service));
                out.write(csv, half, csv.length - half);
                out.flush();
                String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 200");
                imported = JSON.readTree(body(answer));
            }
            long inserted = imported.get("inserted").asLong();
            assertThat(inserted).isPositive();
            int exit = service.waitForExit(Duration.ofSeconds(120));
            assertThat(exit).as(service.output()).isIn(0, 143);
            String output = service.output();
            assertThat(output).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
            assertThat(output).contains("1 running job(s) of this process marked failed");
            assertThat(output).doesNotContain("EAAB-graceful-test");

            releaseGraph.countDown();
            GRAPH.holdUntil(null);
            try (ServiceProcess again = ServiceProcess.start(workDir, settings())) {
                JsonNode job = JSON.readTree(again.get(statusUrl).body());
                assertThat(job.get("status").asString()).isEqualTo("failed");
                assertThat(job.get("error").asString()).startsWith("interrupted");

                HttpResponse<String> retry = again.post(
                        "/api/v1/accounts/" + SYNC_ACCOUNT + "/sync?since=2026-11-01&until=2026-11-02",
                        "text/plain",
                        "");
                assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
                String retryUrl = JSON.readTree(retry.body()).get("status_url").asString();
                await("the resubmitted sync succeeds")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> !JSON.readTree(again.get(retryUrl).body())
                                .get("status")
                                .asString()
                                .equals("running"));
                JsonNode retried = JSON.readTree(again.get(retryUrl).body());
                assertThat(retried.get("status").asString())
                        .as(retried.toString())
                        .isEqualTo("succeeded");
                assertThat(retried.at("/result/import/inserted").asLong()).isEqualTo(2);

                // Every row of the import that was in flight at SIGTERM was committed: the same file changes nothing.
                HttpResponse<String> reimport = again.post(
                        "/api/v1/accounts/" + ACCOUNT + "/insights.csv",
                        "text/csv",
                        new String(csv, StandardCharsets.UTF_8));
                JsonNode report = JSON.readTree(reimport.body());
                assertThat(report.get("inserted").asLong()).as(reimport.body()).isZero();
                assertThat(report.get("unchanged").asLong()).isEqualTo(inserted);
                again.sigterm();
                again.waitForExit(Duration.ofSeconds(40));
            }
        } finally {
            releaseGraph.countDown();
        }
    }

    /** POST requests the server is processing now (the import: the sync's POST was answered). */
    private static double activePosts(ServiceProcess service) {
        String metrics = service.get("/actuator/prometheus").body();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_active_seconds_gcount{"))
                .filter(line -> line.contains("method=\"POST\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static boolean refusesConnections(ServiceProcess service) {
        try {
            service.get("/health");
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The offset of the start of line {@code line} (0 = the header). */
    private static int indexOfLine(byte[] bytes, int line) {
        int seen = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++seen == line) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("fewer than " + line + " lines");
    }

    /** The body of a raw HTTP/1.1 answer, chunked or not. */
    private static String body(String answer) {
        int split = answer.indexOf("\r\n\r\n");
        String headers = answer.substring(0, split).toLowerCase(Locale.ROOT);
        String rest = answer.substring(split + 4);
        if (!headers.contains("transfer-encoding: chunked")) {
            return rest;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = rest.indexOf("\r\n", at);
            int size = Integer.parseInt(rest.substring(at, eol).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(rest, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
