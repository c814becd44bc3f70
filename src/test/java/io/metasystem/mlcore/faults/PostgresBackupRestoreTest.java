package io.metasystem.mlcore.faults;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.store.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL backup and restore commands of docs/store.md, run as written ({@code pg_dump --format=custom
 * --no-owner} from the Railway-style {@code DATABASE_URL}, {@code pg_restore --no-owner --clean --if-exists} into a new
 * database) on a store the service filled through its API: every table, Flyway's history included, comes back with
 * the same rows. Skipped, saying so, where Debian's {@code postgresql-client} (pg_dump, pg_restore) is not installed.
 */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mlcore.api-key=" + HttpClientSupport.KEY})
class PostgresBackupRestoreTest {
    private static final String SOURCE = "backup_source";
    private static final String TARGET = "backup_restored";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("mlcore.store.database-url", () -> EmbeddedPostgresSupport.railwayUrl(SOURCE));
    }

    @Test
    void pgDumpAndPgRestoreAsDocumentedBringBackEveryRow() throws Exception {
        Optional<Path> pgDump = onPath("pg_dump");
        Optional<Path> pgRestore = onPath("pg_restore");
        assumeTrue(
                pgDump.isPresent() && pgRestore.isPresent(),
                "pg_dump/pg_restore not found: install the Debian package postgresql-client");

        HttpClientSupport http = new HttpClientSupport(port);
        String csv = Files.readString(Path.of("docs/examples/ads_manager_export.csv"));
        assertThat(http.send(http.request("/api/v1/accounts/7831/insights.csv")
                                .header("X-API-Key", HttpClientSupport.KEY)
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(csv))
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.postJson(
                                "/api/v1/meta_ads/optimize",
                                Files.readString(Path.of("docs/examples/optimize-request.json")))
                        .statusCode())
                .isEqualTo(200);

        Map<String, Long> source = rowCounts(EmbeddedPostgresSupport.jdbcUrl(SOURCE));
        Path dump = dir.resolve("mlcore.dump");
        String sourceUrl = EmbeddedPostgresSupport.railwayUrl(SOURCE);
        String targetUrl = EmbeddedPostgresSupport.railwayUrl(TARGET);
        run(List.of(
                pgDump.get().toString(),
                "--format=custom",
                "--no-owner",
                "--file=" + dump,
                withoutPassword(sourceUrl)));
        run(List.of(
                pgRestore.get().toString(),
                "--no-owner",
                "--clean",
                "--if-exists",
                "--dbname=" + withoutPassword(targetUrl),
                dump.toString()));

        Map<String, Long> restored = rowCounts(EmbeddedPostgresSupport.jdbcUrl(TARGET));
        assertThat(source).containsKeys("flyway_schema_history", "daily_insight", "recommendation");
        assertThat(source.get("daily_insight")).isPositive();
        assertThat(restored).isEqualTo(source);
    }

    /** The embedded server trusts local connections; libpq would otherwise ask for a password file. */
    private static String withoutPassword(String url) {
        return url.replaceFirst("://([^:@/]+):[^@/]*@", "://$1@");
    }

    private static Map<String, Long> rowCounts(String jdbcUrl) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' "
                            + "and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("command.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("finished: " + command)
                .isTrue();
        assertThat(process.exitValue())
                .as(command.get(0) + ": " + Files.readString(log))
                .isZero();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
