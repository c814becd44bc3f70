package io.metasystem.mlcore.meta;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.config.InvalidConfigurationException;
import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.config.MetaSyncProperties;
import io.metasystem.mlcore.scheduling.ClusteredTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The recurring sync: on {@code META_SYNC_CRON} (six-field Spring cron, {@code -} = off) it syncs every account of
 * {@code META_SYNC_ACCOUNTS} over the last {@code META_SYNC_DAYS} days ending yesterday (UTC), so Meta's late
 * attribution corrections replace earlier rows (the importer is idempotent). Runs on the clustered scheduler: with N
 * replicas one runs each execution. Each account is a job of its own ({@code GET /api/v1/jobs/{id}}); one failing
 * account does not stop the others.
 */
@Component
class ScheduledSync implements ClusteredTask {
    static final String TASK = "meta-sync";
    private static final Logger log = LoggerFactory.getLogger(ScheduledSync.class);

    private final SyncService sync;
    private final MetaSyncProperties properties;
    private final Clock clock;

    ScheduledSync(SyncService sync, MetaSyncProperties properties, MetaProperties meta, Clock clock) {
        if (properties.scheduled() && !meta.hasToken()) {
            throw new InvalidConfigurationException("META_ACCESS_TOKEN", "is required when META_SYNC_CRON is set");
        }
        this.sync = sync;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        if (!properties.scheduled()) {
            return Optional.empty();
        }
        log.info(
                "Meta sync scheduled with cron '{}' for accounts {}, last {} days",
                properties.cron(),
                properties.accounts(),
                properties.days());
        return Optional.of(
                Tasks.recurring(TASK, Schedules.cron(properties.cron())).execute((instance, context) -> runOnce()));
    }

    /** Syncs every configured account once, in this thread. */
    void runOnce() {
        LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        LocalDate since = until.minusDays(properties.days() - 1L);
        for (String account : properties.accounts()) {
            try {
                MetaJob job = sync.runNow(account, since, until);
                log.info(
                        "Scheduled sync of account {} {}..{}: {} (job {})",
                        account,
                        since,
                        until,
                        job.status(),
                        job.id());
            } catch (RuntimeException e) {
                log.warn("Scheduled sync of account {} could not start: {}", account, e.getMessage());
            }
        }
    }
}
