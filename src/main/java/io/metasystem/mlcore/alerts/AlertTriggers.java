package io.metasystem.mlcore.alerts;

import io.metasystem.mlcore.config.AlertProperties;
import io.metasystem.mlcore.meta.MetaSyncFinished;
import io.metasystem.mlcore.store.InsightsImported;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hooks alerts into the rest of the service through application events, so neither the store nor the Meta
 * connector depends on alerts: an import that changed rows (a file import or a Meta sync) is followed, after its
 * commit, by a scan of its account in the background ({@code ALERTS_SCAN_AFTER_IMPORT}, on by default); a Meta sync
 * whose token was rejected opens the account's {@code meta_token_rejected} alert, and a successful one resolves it.
 */
@Component
class AlertTriggers {
    private static final Logger log = LoggerFactory.getLogger(AlertTriggers.class);

    private final AlertService alerts;
    private final AlertProperties properties;
    private final ExecutorService scans = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-scan");
        t.setDaemon(true);
        return t;
    });

    AlertTriggers(AlertService alerts, AlertProperties properties) {
        this.alerts = alerts;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void imported(InsightsImported event) {
        if (!properties.scanAfterImport()) {
            return;
        }
        try {
            scans.submit(() -> scan(event.accountId()));
        } catch (RejectedExecutionException e) {
            log.info("Alert scan of account {} skipped: shutting down", event.accountId());
        }
    }

    @EventListener
    void synced(MetaSyncFinished event) {
        try {
            if (event.tokenRejected()) {
                alerts.tokenRejected(event.accountId(), event.message());
            } else if (event.succeeded()) {
                alerts.tokenAccepted(event.accountId());
            }
        } catch (RuntimeException e) {
            // an alert problem must not change the sync's outcome
            log.error("Token alert of account {} could not be recorded: {}", event.accountId(), e.getMessage());
        }
    }

    private void scan(String accountId) {
        try {
            alerts.scan(accountId);
        } catch (RuntimeException e) {
            log.warn("Alert scan of account {} after an import failed: {}", accountId, e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        scans.shutdown();
        scans.awaitTermination(5, TimeUnit.SECONDS);
    }
}
