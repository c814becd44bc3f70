package io.metasystem.mlcore.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.store.EmbeddedPostgresSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas (two {@link ClusteredScheduler}s on one real PostgreSQL, the production set-up) with the same cron
 * task: every execution runs on exactly one of them.
 */
class ClusteredSchedulerTest {

    record Run(String replica, Instant scheduledFor) {}

    @Test
    void eachExecutionRunsOnExactlyOneReplica() throws Exception {
        String database = "sched_" + UUID.randomUUID().toString().substring(0, 8);
        DriverManagerDataSource ds =
                new DriverManagerDataSource(EmbeddedPostgresSupport.jdbcUrl(database), "postgres", "");
        Flyway.configure()
                .dataSource(ds)
                .placeholders(Map.of("json_type", "jsonb"))
                .load()
                .migrate();
        List<Run> runs = new CopyOnWriteArrayList<>();
        ClusteredScheduler a = new ClusteredScheduler(ds, List.of(task("replica-a", runs)));
        ClusteredScheduler b = new ClusteredScheduler(ds, List.of(task("replica-b", runs)));
        a.start();
        b.start();
        try {
            await("six executions")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> runs.size() >= 6);
        } finally {
            a.stop();
            b.stop();
        }
        assertThat(runs).hasSizeGreaterThanOrEqualTo(6);
        Map<Instant, Long> perExecution =
                runs.stream().collect(Collectors.groupingBy(Run::scheduledFor, Collectors.counting()));
        assertThat(perExecution.values()).as("executions run twice: %s", runs).allMatch(n -> n == 1);
        assertThat(a.taskNames()).isEmpty(); // stopped
    }

    private static ClusteredTask task(String replica, List<Run> runs) {
        return () -> Optional.<RecurringTask<?>>of(Tasks.recurring("clustered-test", Schedules.cron("*/1 * * * * *"))
                .execute((instance, context) -> runs.add(new Run(replica, context.getExecution().executionTime))));
    }
}
