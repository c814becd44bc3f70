package io.metasystem.mlcore.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.config.WebhookProperties;
import io.metasystem.mlcore.scheduling.ClusteredTask;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Delivers pending events whose next attempt is due and that no live process holds: events stranded by a process
 * that stopped before (or while) delivering them, and retries whose process is gone. Runs every
 * {@code WEBHOOK_REDELIVERY_INTERVAL} on the clustered scheduler; each event is claimed with a conditional UPDATE
 * before its attempt, so even concurrent runs on several replicas deliver an attempt once. One attempt per event per
 * run; a failed attempt schedules the next with the same back-off as the first delivery. Off in DUMMY_MODE (nothing
 * is ever delivered) and without {@code N8N_WEBHOOK_URL}.
 */
@Component
public class OutboxRedelivery implements ClusteredTask {
    static final String TASK = "webhook-redelivery";
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final WebhookDelivery delivery;
    private final WebhookProperties properties;
    private final boolean dummyMode;
    private final Clock clock;

    OutboxRedelivery(
            Outbox outbox, WebhookDelivery delivery, WebhookProperties properties, MlCoreProperties core, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.properties = properties;
        this.dummyMode = core.dummyMode();
        this.clock = clock;
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(Tasks.recurring(TASK, FixedDelay.of(properties.redeliveryInterval()))
                .execute((instance, context) -> redeliverDue()));
    }

    /**
     * One pass: claims and attempts every due event (up to 50).
     *
     * @return how many events this call attempted (0 in DUMMY_MODE)
     */
    public int redeliverDue() {
        if (!enabled()) {
            return 0;
        }
        int attempted = 0;
        for (Outbox.Due due : outbox.due(now(), BATCH)) {
            OffsetDateTime now = now();
            if (!outbox.claim(due.id(), now, now.plus(WebhookDelivery.CLAIM))) {
                continue; // another replica (or this process's first delivery) has it
            }
            attempted++;
            int attempt = due.attempts() + 1;
            WebhookDelivery.Attempt result;
            try {
                result = delivery.send(due.id(), due.payload());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outbox.release(due.id(), now());
                return attempted;
            }
            outbox.recordAttempt(due.id(), attempt, result, delivery, now(), false);
        }
        return attempted;
    }

    private boolean enabled() {
        return !dummyMode && properties.n8nUrl() != null;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
