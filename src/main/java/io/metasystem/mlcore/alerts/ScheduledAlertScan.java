package io.metasystem.mlcore.alerts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.config.AlertProperties;
import io.metasystem.mlcore.scheduling.ClusteredTask;
import io.metasystem.mlcore.store.Account;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.store.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The recurring scan of every stored account on {@code ALERTS_SCAN_CRON} (six-field Spring cron, {@code -} = off),
 * on the clustered scheduler: with N replicas one runs each execution. One failing account does not stop the others.
 */
@Component
class ScheduledAlertScan implements ClusteredTask {
    static final String TASK = "alert-scan";
    private static final Logger log = LoggerFactory.getLogger(ScheduledAlertScan.class);
    private static final int PAGE = 500;

    private final AlertService alerts;
    private final InsightStore store;
    private final AlertProperties properties;

    ScheduledAlertScan(AlertService alerts, InsightStore store, AlertProperties properties) {
        this.alerts = alerts;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        if (!properties.scheduled()) {
            return Optional.empty();
        }
        log.info("Alert scan scheduled with cron '{}'", properties.scanCron());
        return Optional.of(
                Tasks.recurring(TASK, Schedules.cron(properties.scanCron())).execute((instance, context) -> runOnce()));
    }

    /** Scans every stored account once, in this thread; returns how many were scanned. */
    int runOnce() {
        int scanned = 0;
        for (int page = 0; ; page++) {
            Page<Account> accounts = store.accounts(page, PAGE);
            for (Account a : accounts.items()) {
                try {
                    alerts.scan(a.id());
                    scanned++;
                } catch (RuntimeException e) {
                    log.warn("Scheduled alert scan of account {} failed: {}", a.id(), e.getMessage());
                }
            }
            if ((long) (page + 1) * PAGE >= accounts.total()) {
                return scanned;
            }
        }
    }
}
