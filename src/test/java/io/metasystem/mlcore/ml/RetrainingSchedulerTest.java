package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.scheduling.ClusteredScheduler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A short cron fires the db-scheduler task, which trains and registers a champion. */
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "mlcore.ml.retrain-cron=*/2 * * * * *",
            "mlcore.ml.retrain-csv=kag_conversion_data.csv",
            "mlcore.ml.retrain-scope=scheduled"
        })
class RetrainingSchedulerTest {
    static Path dataDir;

    @Autowired
    ModelRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClusteredScheduler scheduler;

    @BeforeAll
    static void copyData() throws Exception {
        dataDir = Files.createTempDirectory("ml-sched");
        Files.copy(Path.of("data/samples/kag_conversion_data.csv"), dataDir.resolve("kag_conversion_data.csv"));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("mlcore.ml.data-dir", () -> dataDir.toString());
    }

    @Test
    void cronRunsTrainingAndRegistersAModel() throws Exception {
        assertThat(scheduler.taskNames()).contains(RetrainingScheduler.TASK);
        List<RegisteredModel> models = await("a scheduled run registers a model and its job succeeds")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> registry.list("scheduled"), m -> !m.isEmpty() && succeededJobs("scheduled") > 0);
        assertThat(models).hasSize(1);
        assertThat(models.get(0).status()).isEqualTo(ModelStatus.CHAMPION);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'ml-retrain'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ml_job where scope = 'scheduled' and status = 'succeeded'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    /** The job row turns succeeded just after the model is registered: wait for both, not only the model. */
    private long succeededJobs(String scope) {
        return jdbc.sql("select count(*) from ml_job where scope = :s and status = 'succeeded'")
                .param("s", scope)
                .query(Long.class)
                .single();
    }
}
