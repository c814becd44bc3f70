package io.metasystem.mlcore.ml;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.scheduling.ClusteredTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Scheduled retraining on a cron from {@code mlcore.ml.retrain-cron} (Spring-style, six fields, e.g.
 * {@code 0 0 3 * * *}; {@code -} = off). Runs on the clustered scheduler (db-scheduler on the service's database),
 * so with N replicas exactly one runs each execution. Each run trains on {@code mlcore.ml.retrain-csv}
 * ({@code ML_RETRAIN_SOURCE=csv}, the default) or on the last {@value StoreDatasets#DEFAULT_DAYS} days of stored
 * insights ending on the
 * latest stored day ({@code store}; account {@code ML_RETRAIN_ACCOUNT}, blank = all) and registers the model in
 * {@code mlcore.ml.retrain-scope}; the registry's promotion rule decides whether it becomes champion.
 */
@Component
class RetrainingScheduler implements ClusteredTask {
    static final String TASK = "ml-retrain";
    private static final Logger log = LoggerFactory.getLogger(RetrainingScheduler.class);

    private final TrainingJobs jobs;
    private final MlProperties properties;
    private final StoreDatasets storeDatasets;

    public RetrainingScheduler(TrainingJobs jobs, MlProperties properties, StoreDatasets storeDatasets) {
        this.jobs = jobs;
        this.properties = properties;
        this.storeDatasets = storeDatasets;
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        String cron = properties.retrainCron();
        if (cron == null || cron.isBlank() || cron.equals("-")) {
            return Optional.empty();
        }
        log.info("retraining scheduled with cron '{}'", cron);
        return Optional.of(Tasks.recurring(TASK, Schedules.cron(cron)).execute((instance, context) -> {
            TrainingJob job;
            if (properties.retrainSource().equals("store")) {
                StoreDatasets.Window window = storeDatasets.window(properties.retrainAccount(), null, null);
                log.info("scheduled retraining of scope {} on the store, {}", properties.retrainScope(), window);
                job = jobs.runNowStore(properties.retrainScope(), window);
            } else {
                log.info("scheduled retraining of scope {} on {}", properties.retrainScope(), properties.retrainCsv());
                job = jobs.runNow(properties.retrainScope(), properties.retrainCsv(), null);
            }
            log.info("scheduled retraining finished: {} {}", job.status(), job.progress());
        }));
    }
}
