package io.metasystem.mlcore.faults;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.api.HttpClientSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a real PostgreSQL server (zonky's binaries, its own data directory and port) that stops while the
 * service runs: reads and imports answer 503 problem+json with {@code Retry-After} (never 500, never a hang past the
 * pool's connection timeout), and once the server is back on the same data the next requests succeed without a
 * restart, with the data written before the outage.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mlcore.api-key=" + HttpClientSupport.KEY, "mlcore.store.connection-timeout=2s"})
class PostgresOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "7821";
    private static final Path DATA = tempDir();
    private static final int PG_PORT = ServiceProcess.freePort();
    private static EmbeddedPostgres postgres = startPostgres();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add(
                "mlcore.store.database-url",
                () -> "postgresql://postgres:trust-auth@localhost:" + PG_PORT + "/postgres");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void requestsAnswer503WhileTheDatabaseIsDownAndSucceedAgainWhenItIsBack() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port);
        String csv = Files.readString(Path.of("docs/examples/ads_manager_export.csv"));
        HttpResponse<String> before = importCsv(http, csv);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        long rows = JSON.readTree(before.body()).get("inserted").asLong();

        postgres.close();
        postgres = null;
        for (HttpResponse<String> down : new HttpResponse[] {
            http.get("/api/v1/accounts"), importCsv(http, csv), http.get("/api/v1/accounts/" + ACCOUNT + "/insights")
        }) {
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
            JsonNode problem = JSON.readTree(down.body());
            assertThat(problem.get("title").asString()).isEqualTo("Database unavailable");
            assertThat(problem.get("errors")).isNotEmpty();
            assertThat(down.body()).doesNotContain("postgres:trust-auth").doesNotContainIgnoringCase("sql");
        }
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).as("health says the database is gone").isEqualTo(503);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("DOWN");

        postgres = startPostgres();
        await("the pool reconnects")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/api/v1/accounts").statusCode() == 200);
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> after = importCsv(http, csv);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(after.body());
        assertThat(report.get("inserted").asLong())
                .as("the rows from before the outage are there")
                .isZero();
        assertThat(report.get("unchanged").asLong()).isEqualTo(rows);
    }

    private static HttpResponse<String> importCsv(HttpClientSupport http, String csv) {
        return http.send(http.request("/api/v1/accounts/" + ACCOUNT + "/insights.csv")
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build());
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(PG_PORT)
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pg-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
