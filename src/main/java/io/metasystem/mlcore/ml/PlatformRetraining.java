package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.config.InvalidConfigurationException;
import io.metasystem.mlcore.store.PlatformDataChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Retraining after platform feedback ({@code ML_RETRAIN_AFTER_PLATFORM_IMPORT=true}): when a Spotify/YouTube import
 * or a YouTube sync changed an artist's stored days ({@link PlatformDataChanged}, after its transaction commits),
 * the scheduled retraining's store job is queued ({@link TrainingJobs#submitStore}: scope {@code ML_RETRAIN_SCOPE},
 * the last {@value StoreDatasets#DEFAULT_DAYS} days of {@code ML_RETRAIN_ACCOUNT}), whose data set joins the artists'
 * platform days ({@link StoreDatasets}); the registry's promotion rule decides whether the model becomes champion.
 * While the job it queued last is still queued or running, further changes queue nothing (one retraining covers a
 * burst of imports). Needs {@code ML_RETRAIN_SOURCE=store}.
 */
@Component
class PlatformRetraining {
    private static final Logger log = LoggerFactory.getLogger(PlatformRetraining.class);

    private final TrainingJobs jobs;
    private final MlProperties properties;
    private final StoreDatasets datasets;
    private final boolean enabled;
    private final AtomicReference<String> last = new AtomicReference<>();

    PlatformRetraining(
            TrainingJobs jobs,
            MlProperties properties,
            StoreDatasets datasets,
            @Value("${mlcore.ml.retrain-after-platform-import:false}") boolean enabled) {
        if (enabled && !properties.retrainSource().equals("store")) {
            throw new InvalidConfigurationException(
                    "ML_RETRAIN_AFTER_PLATFORM_IMPORT", "needs ML_RETRAIN_SOURCE=store (platform days join the store)");
        }
        this.jobs = jobs;
        this.properties = properties;
        this.datasets = datasets;
        this.enabled = enabled;
    }

    /** @return the id of the training job queued, or null when none was (disabled, one pending, too little data) */
    @TransactionalEventListener(fallbackExecution = true)
    synchronized String changed(PlatformDataChanged event) {
        if (!enabled) {
            return null;
        }
        String pending = last.get();
        if (pending != null && !jobs.get(pending).status().terminal()) {
            log.info(
                    "platform data of artist {} changed; retraining job {} is still pending",
                    event.artistId(),
                    pending);
            return null;
        }
        try {
            StoreDatasets.Window window = datasets.window(properties.retrainAccount(), null, null);
            TrainingJob job = jobs.submitStore(properties.retrainScope(), window);
            last.set(job.id());
            log.info(
                    "platform data of artist {} changed ({} {} from {}); retraining scope {} on the store, {}: job {}",
                    event.artistId(),
                    event.changed(),
                    event.kind(),
                    event.source(),
                    properties.retrainScope(),
                    window,
                    job.id());
            return job.id();
        } catch (RuntimeException e) {
            log.warn("platform data of artist {} changed; retraining not queued: {}", event.artistId(), e.getMessage());
            return null;
        }
    }
}
