package io.metasystem.mlcore.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import java.util.Optional;

/**
 * A recurring task that must run on exactly one replica per execution. Declare an implementation as a bean; the
 * {@link ClusteredScheduler} starts all of them on one db-scheduler instance (one instance per process, so every
 * replica knows every task and none logs another feature's executions as unresolved).
 */
public interface ClusteredTask {
    /** The task, or empty when its configuration switches it off (e.g. a cron of {@code -}). */
    Optional<RecurringTask<?>> task();
}
