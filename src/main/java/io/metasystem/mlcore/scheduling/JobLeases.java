package io.metasystem.mlcore.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Leases on job rows, so a job whose replica died does not stay {@code running} for ever. The process that runs a
 * job {@link #acquire acquires} it (owner = this process, heartbeat = now) and renews the heartbeat of all its jobs
 * every quarter lease; the clustered sweep (one replica per execution) marks {@code queued}/{@code running} jobs whose
 * heartbeat is older than the lease (property {@code mlcore.jobs.lease}, env {@code JOB_LEASE}, default 2 minutes)
 * as {@code failed} with an error that says they were interrupted and can be submitted again. On a graceful shutdown
 * (SIGTERM) {@link #stop} does the same at once for the jobs of this process, after the web server has drained its
 * requests (phase {@link #PHASE}), so nobody waits a lease for them and a resubmitted job starts from scratch.
 */
@Component
public class JobLeases implements ClusteredTask, SmartLifecycle {
    static final String SWEEP_TASK = "job-lease-sweep";
    static final String INTERRUPTED = "interrupted: the replica running this job stopped; submit it again";
    /**
     * Stops after the web server's graceful shutdown and stop (Spring Boot's phases just below
     * {@link SmartLifecycle#DEFAULT_PHASE}), so requests still in flight may start or finish jobs first.
     */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private final Map<JobTable, Set<String>> active = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeats;

    public JobLeases(JdbcClient jdbc, Clock clock, @Value("${mlcore.jobs.lease:2m}") Duration lease) {
        if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("JOB_LEASE must be at least 2s, was " + lease);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        for (JobTable table : JobTable.values()) {
            active.put(table, ConcurrentHashMap.newKeySet());
        }
    }

    /** Marks the job as run by this process; call it when the job row is created or taken up. */
    public void acquire(JobTable table, String id) {
        active.get(table).add(id);
        jdbc.sql("update " + table.table() + " set owner = :owner, heartbeat_at = :now where id = :id")
                .param("owner", owner)
                .param("now", now())
                .param("id", id)
                .update();
    }

    /** Stops renewing the job's lease; call it when the job finished (successfully or not). */
    public void release(JobTable table, String id) {
        active.get(table).remove(id);
    }

    /** Renews the heartbeat of every job this process runs. */
    void heartbeat() {
        OffsetDateTime now = now();
        active.forEach((table, ids) -> {
            List<String> snapshot = List.copyOf(ids);
            if (!snapshot.isEmpty()) {
                jdbc.sql("update " + table.table() + " set heartbeat_at = :now where owner = :owner and id in (:ids)")
                        .param("now", now)
                        .param("owner", owner)
                        .param("ids", snapshot)
                        .update();
            }
        });
    }

    /**
     * Fails every {@code queued}/{@code running} job whose lease expired (rows from before leases existed count by
     * {@code updated_at}).
     *
     * @return the number of jobs marked failed
     */
    public int sweep() {
        OffsetDateTime now = now();
        OffsetDateTime expired = now.minus(lease);
        int failed = 0;
        for (JobTable table : JobTable.values()) {
            int n = jdbc.sql("update " + table.table() + " set status = :failed, error = :error, updated_at = :now "
                            + "where status in (:queued, :running) and coalesce(heartbeat_at, updated_at) < :expired")
                    .param("failed", JobStatus.FAILED.value())
                    .param("queued", JobStatus.QUEUED.value())
                    .param("running", JobStatus.RUNNING.value())
                    .param("error", INTERRUPTED)
                    .param("now", now)
                    .param("expired", expired)
                    .update();
            if (n > 0) {
                log.warn("{} job(s) in {} had no heartbeat for {} and were marked failed", n, table.table(), lease);
            }
            failed += n;
        }
        return failed;
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        Duration every = lease.dividedBy(2);
        return Optional.of(Tasks.recurring(SWEEP_TASK, FixedDelay.of(every)).execute((instance, context) -> sweep()));
    }

    @Override
    public synchronized void start() {
        long period = Math.max(500, lease.toMillis() / 4);
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeats.scheduleAtFixedRate(
                () -> {
                    try {
                        heartbeat();
                    } catch (RuntimeException e) {
                        log.warn("job heartbeat failed: {}", e.toString());
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
        try {
            int interrupted = releaseAll();
            if (interrupted > 0) {
                log.warn(
                        "shutting down: {} running job(s) of this process marked failed ({})",
                        interrupted,
                        INTERRUPTED);
            }
        } catch (RuntimeException e) {
            // The database may be gone already; the sweep of another replica (or of the next start) marks them.
            log.warn("shutting down: jobs not marked interrupted, the lease sweep will: {}", e.toString());
        }
    }

    /**
     * Marks every {@code queued}/{@code running} job this process holds as failed ({@link #INTERRUPTED}) and stops
     * renewing them; a job finishing later keeps that status (the job tables never overwrite a terminal status).
     *
     * @return the number of jobs marked
     */
    int releaseAll() {
        OffsetDateTime now = now();
        int marked = 0;
        for (Map.Entry<JobTable, Set<String>> entry : active.entrySet()) {
            List<String> ids = List.copyOf(entry.getValue());
            entry.getValue().removeAll(ids);
            if (ids.isEmpty()) {
                continue;
            }
            marked += jdbc.sql("update " + entry.getKey().table()
                            + " set status = :failed, error = :error, updated_at = :now "
                            + "where owner = :owner and id in (:ids) and status in (:queued, :running)")
                    .param("failed", JobStatus.FAILED.value())
                    .param("error", INTERRUPTED)
                    .param("now", now)
                    .param("owner", owner)
                    .param("ids", ids)
                    .param("queued", JobStatus.QUEUED.value())
                    .param("running", JobStatus.RUNNING.value())
                    .update();
        }
        return marked;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeats != null;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
