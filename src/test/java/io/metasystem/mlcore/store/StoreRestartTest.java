package io.metasystem.mlcore.store;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.config.ConfigurationFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The embedded H2 file database survives a stop and start; a bad DATABASE_URL stops start-up naming it. */
class StoreRestartTest {

    private static ConfigurableApplicationContext start(String databaseUrl) {
        return new SpringApplicationBuilder(MlCoreApplication.class)
                .run(
                        "--mlcore.port=0",
                        "--mlcore.api-key=" + StoreHttp.KEY,
                        "--logging.structured.format.console=",
                        "--mlcore.store.database-url=" + databaseUrl);
    }

    private static StoreHttp http(ConfigurableApplicationContext context) {
        return new StoreHttp(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void importedDataSurviveARestart(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("data/mlcore").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        try (ConfigurableApplicationContext first = start(url)) {
            assertThat(http(first)
                            .csv("act_restart", StoreHttp.example("ads_manager_export.csv"))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(Files.exists(dir.resolve("data/mlcore.mv.db"))).isTrue();
        try (ConfigurableApplicationContext second = start(url)) {
            JsonNode adSets = StoreHttp.body(http(second).get("/api/v1/accounts/act_restart/adsets"));
            assertThat(adSets.get("total").asLong()).isEqualTo(4);
            JsonNode again =
                    StoreHttp.body(http(second).csv("act_restart", StoreHttp.example("ads_manager_export.csv")));
            assertThat(again.get("unchanged").asLong()).isEqualTo(112);
        }
    }

    @Test
    void malformedDatabaseUrlFailsStartUpNamingTheVariable() {
        Throwable failure =
                catchThrowable(() -> start("mysql://root:hunter2@localhost/db").close());
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("DATABASE_URL").doesNotContain("hunter2");
    }
}
