package io.metasystem.mlcore.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a process with a {@code DATABASE_URL} nothing listens on: it exits non-zero with one line naming
 * {@code DATABASE_URL}, without the password and without a stack trace.
 */
class DatabaseUnreachableAtStartTest {
    private static final String PASSWORD = "s3cret-db-password";

    @TempDir
    Path workDir;

    @Test
    void anUnreachableDatabaseStopsStartUpWithOneLineNamingDatabaseUrl() {
        int closedPort = ServiceProcess.freePort();
        ServiceProcess service = ServiceProcess.launch(
                workDir,
                Map.of(
                        "mlcore.store.database-url",
                        "postgresql://mlcore:" + PASSWORD + "@127.0.0.1:" + closedPort + "/mlcore"));
        try {
            int exit = service.waitForExit(Duration.ofSeconds(90));
            String output = service.output();
            assertThat(exit).as(output).isNotZero();
            assertThat(output).doesNotContain(PASSWORD);
            assertThat(output.lines().filter(line -> line.startsWith("\tat ")))
                    .as("no stack trace: " + output)
                    .isEmpty();
            assertThat(output.lines()
                            .filter(line -> line.contains("Invalid configuration: DATABASE_URL cannot be reached")))
                    .as(output)
                    .singleElement()
                    .asString()
                    .contains("127.0.0.1:" + closedPort)
                    .contains("refused");
        } finally {
            service.close();
        }
    }
}
