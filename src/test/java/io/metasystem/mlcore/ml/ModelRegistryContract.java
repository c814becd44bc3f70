package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobMetrics;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.store.SqlDialect;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The promotion rule with the real migrations (V1..V11) on a fresh database per test; provenances are synthetic
 * (no training). Run on H2 ({@link H2ModelRegistryTest}) and PostgreSQL ({@link PostgresModelRegistryTest}).
 */
abstract class ModelRegistryContract {
    ModelRegistry registry;
    JdbcClient jdbc;

    /** A fresh, empty database. */
    abstract DataSource freshDatabase() throws Exception;

    abstract SqlDialect dialect();

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = freshDatabase();
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .placeholders(Map.of("json_type", dialect().jsonType()))
                .load()
                .migrate();
        jdbc = JdbcClient.create(ds);
        registry = new ModelRegistry(jdbc, dialect(), Clock.systemUTC());
    }

    @Test
    void aJobFailedByTheLeaseSweepKeepsItsStatusWhenItsRunFinishesLate() {
        JobLeases leases = new JobLeases(jdbc, Clock.systemUTC(), Duration.ofSeconds(2));
        MlProperties props = new MlProperties("data/samples", 0.01, "-", "f", "s", "csv", null, null, 10);
        try (TrainingJobs jobs = new TrainingJobs(
                jdbc,
                dialect(),
                registry,
                props,
                leases,
                new StoreDatasets(new InsightStore(jdbc), Clock.systemUTC()),
                Clock.systemUTC(),
                JobMetrics.unregistered())) {
            String id = "00000000-0000-0000-0000-000000000001";
            jdbc.sql("insert into ml_job (id, scope, request, status, steps_done, steps_total, progress, created_at, "
                            + "updated_at, owner, heartbeat_at) values (:id, 's', "
                            + dialect().json(":r")
                            + ", 'running', 3, 10, 'xgboost fold 1', :t, :t, 'dead-replica', :t)")
                    .param("id", id)
                    .param("r", "{\"source\":\"csv\",\"csv\":\"x.csv\",\"target\":\"APPROVED\"}")
                    .param("t", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                    .update();
            assertThat(leases.sweep()).isEqualTo(1);
            assertThat(jobs.get(id).status()).isEqualTo(JobStatus.FAILED);
            assertThat(jobs.get(id).error()).startsWith("interrupted");

            RegisteredModel m = register("s", "late", "d", 1.0);
            assertThat(jobs.finish(id, 10, "registered", m.version())).isFalse();
            TrainingJob after = jobs.get(id);
            assertThat(after.status()).isEqualTo(JobStatus.FAILED);
            assertThat(after.error())
                    .startsWith("interrupted")
                    .contains("finished later anyway and registered v" + m.version());
            assertThat(after.modelVersion()).isEqualTo(m.version());
        }
    }

    @Test
    void scopesMayNameAnAccountOfSixtyFourCharacters() {
        String scope = "account:" + "a".repeat(64);
        assertThat(register(scope, "x", "d", 1.0).scope()).isEqualTo(scope);
        assertThat(registry.champion(scope)).isPresent();
    }

    @Test
    void storesTheProvenanceJson() {
        byte[] artifact = "p".getBytes(StandardCharsets.UTF_8);
        RegisteredModel m = registry.register("s", artifact, provenance(artifact, "d", 1), "{\"k\": 1}", 0.01);
        assertThat(registry.provenance(m.version())).contains("\"k\"");
    }

    static Provenance provenance(byte[] artifact, String source, double deviance) {
        Validation.ModelScore score =
                new Validation.ModelScore("xgboost_poisson", 10, deviance, deviance, 1, 1, 0.1, 10, 1, 1, List.of());
        Validation.Result result =
                new Validation.Result("kag", "t", "grouped 5-fold", List.of("fold 1/5"), List.of(score));
        return new Provenance(
                "m-" + deviance,
                "model.json",
                Datasets.sha256(artifact),
                "kag",
                source,
                "t",
                "w",
                10,
                0,
                List.of("f"),
                Map.of(),
                42,
                Map.of(),
                result);
    }

    RegisteredModel register(String scope, String content, String source, double deviance) {
        byte[] artifact = content.getBytes(StandardCharsets.UTF_8);
        return registry.register(scope, artifact, provenance(artifact, source, deviance), "{}", 0.05);
    }

    @Test
    void firstModelIsChampionAndAChallengerNeedsTheMarginOnTheSameHoldout() {
        RegisteredModel v1 = register("s", "a1", "data-1", 1.00);
        assertThat(v1.status()).isEqualTo(ModelStatus.CHAMPION);
        RegisteredModel slightlyBetter = register("s", "a2", "data-1", 0.97); // needs < 0.95
        assertThat(slightlyBetter.status()).isEqualTo(ModelStatus.CHALLENGER);
        assertThat(slightlyBetter.decision()).contains("does not beat");
        RegisteredModel otherHoldout = register("s", "a3", "data-2", 0.10);
        assertThat(otherHoldout.status()).isEqualTo(ModelStatus.CHALLENGER);
        assertThat(otherHoldout.decision()).contains("different holdout");
        RegisteredModel better = register("s", "a4", "data-1", 0.90);
        assertThat(better.status()).isEqualTo(ModelStatus.CHAMPION);
        assertThat(registry.get(v1.version()).status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(registry.champion("s"))
                .get()
                .extracting(RegisteredModel::version)
                .isEqualTo(better.version());
        assertThat(registry.champion("other")).isEmpty();
    }

    @Test
    void registeringTheSameArtifactAgainReturnsTheExistingVersion() {
        RegisteredModel v1 = register("s", "same", "d", 1.0);
        RegisteredModel again = register("s", "same", "d", 1.0);
        assertThat(again.version()).isEqualTo(v1.version());
        assertThat(registry.list("s")).hasSize(1);
    }

    @Test
    void manualPromoteAndRollback() {
        RegisteredModel v1 = register("s", "x1", "d", 1.0);
        RegisteredModel v2 = register("s", "x2", "d", 2.0);
        assertThat(v2.status()).isEqualTo(ModelStatus.CHALLENGER);
        assertThat(registry.promote(v2.version()).status()).isEqualTo(ModelStatus.CHAMPION);
        assertThat(registry.get(v1.version()).status()).isEqualTo(ModelStatus.RETIRED);
        RegisteredModel back = registry.rollback("s");
        assertThat(back.version()).isEqualTo(v1.version());
        assertThat(back.status()).isEqualTo(ModelStatus.CHAMPION);
        assertThat(registry.get(v2.version()).status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(registry.list(null))
                .extracting(RegisteredModel::version)
                .containsExactly(v2.version(), v1.version());
    }

    @Test
    void unknownVersionsAndScopesAreNamed() {
        assertThatThrownBy(() -> registry.get(99))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> registry.rollback("none")).isInstanceOf(NotFoundException.class);
        register("s", "only", "d", 1.0);
        assertThatThrownBy(() -> registry.rollback("s"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no earlier champion");
    }

    @Test
    void rejectsAnArtifactWhoseChecksumDiffersFromItsProvenance() {
        byte[] artifact = "abc".getBytes(StandardCharsets.UTF_8);
        Provenance p = provenance("xyz".getBytes(StandardCharsets.UTF_8), "d", 1);
        assertThatThrownBy(() -> registry.register("s", artifact, p, "{}", 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha256");
    }
}
