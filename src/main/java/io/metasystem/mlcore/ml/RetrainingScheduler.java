package io.metasystem.mlcore.ml;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.scheduling.ClusteredTask;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled retraining on a cron from {@code mlcore.ml.retrain-cron} (Spring-style, six fields, e.g.
 * {@code 0 0 3 * * *}; {@code -} = off). Runs on the clustered scheduler (db-scheduler on the service's database),
 * so with N replicas exactly one runs each execution. Each run trains on {@code mlcore.ml.retrain-csv} and registers
 * the model in {@code mlcore.ml.retrain-scope}; the registry's promotion rule decides whether it becomes champion.
 */
@Component
public class RetrainingScheduler implements ClusteredTask {
    static final String TASK = "ml-retrain";
    private static final Logger log = LoggerFactory.getLogger(RetrainingScheduler.class);

    private final TrainingJobs jobs;
    private final MlProperties properties;

    public RetrainingScheduler(TrainingJobs jobs, MlProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        String cron = properties.retrainCron();
        if (cron == null || cron.isBlank() || cron.equals("-")) {
            return Optional.empty();
        }
        log.info("retraining scheduled with cron '{}'", cron);
        return Optional.of(Tasks.recurring(TASK, Schedules.cron(cron)).execute((instance, context) -> {
            log.info("scheduled retraining of scope {} on {}", properties.retrainScope(), properties.retrainCsv());
            TrainingJob job = jobs.runNow(properties.retrainScope(), properties.retrainCsv(), null);
            log.info("scheduled retraining finished: {} {}", job.status(), job.progress());
        }));
    }
}
