package io.metasystem.mlcore.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The process's one db-scheduler instance on the service's database (table {@code scheduled_tasks}, migration V11):
 * runs every enabled {@link ClusteredTask}; with N replicas, each execution runs on exactly one of them.
 */
@Component
public class ClusteredScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ClusteredScheduler.class);

    private final DataSource dataSource;
    private final List<ClusteredTask> sources;
    private Scheduler scheduler;
    private List<String> taskNames = List.of();

    public ClusteredScheduler(DataSource dataSource, List<ClusteredTask> sources) {
        this.dataSource = dataSource;
        this.sources = sources;
    }

    @Override
    public synchronized void start() {
        List<RecurringTask<?>> tasks = sources.stream()
                .map(ClusteredTask::task)
                .flatMap(Optional::stream)
                .toList();
        if (tasks.isEmpty()) {
            return;
        }
        scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(1))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
        taskNames = tasks.stream().map(RecurringTask::getName).toList();
        log.info("clustered scheduler started with tasks {}", taskNames);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Names of the tasks this process schedules (empty when it schedules none). */
    public synchronized List<String> taskNames() {
        return scheduler == null ? List.of() : taskNames;
    }
}
