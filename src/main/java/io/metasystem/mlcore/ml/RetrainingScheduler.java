package io.metasystem.mlcore.ml;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Scheduled retraining on a cron from {@code mlcore.ml.retrain-cron} (Spring-style, six fields, e.g.
 * {@code 0 0 3 * * *}; {@code -} = off). Runs on db-scheduler against the service's database (table
 * {@code scheduled_tasks}, migration V11), so with N replicas exactly one runs each execution. Each run trains on
 * {@code mlcore.ml.retrain-csv} and registers the model in {@code mlcore.ml.retrain-scope}; the registry's promotion
 * rule decides whether it becomes champion.
 */
@Component
public class RetrainingScheduler implements SmartLifecycle {
    static final String TASK = "ml-retrain";
    private static final Logger log = LoggerFactory.getLogger(RetrainingScheduler.class);

    private final DataSource dataSource;
    private final TrainingJobs jobs;
    private final MlProperties properties;
    private Scheduler scheduler;

    public RetrainingScheduler(DataSource dataSource, TrainingJobs jobs, MlProperties properties) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        String cron = properties.retrainCron();
        if (cron == null || cron.isBlank() || cron.equals("-")) {
            return;
        }
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.cron(cron)).execute((instance, context) -> {
            log.info("scheduled retraining of scope {} on {}", properties.retrainScope(), properties.retrainCsv());
            TrainingJob job = jobs.runNow(properties.retrainScope(), properties.retrainCsv(), null);
            log.info("scheduled retraining finished: {} {}", job.status(), job.progress());
        });
        scheduler = Scheduler.create(dataSource).startTasks(task).threads(1).pollingInterval(Duration.ofSeconds(1))
                .shutdownMaxWait(Duration.ofSeconds(5)).build();
        scheduler.start();
        log.info("retraining scheduled with cron '{}'", cron);
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
}
