package io.metasystem.mlcore.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The timer {@code mlcore.jobs} (Prometheus {@code mlcore_jobs_seconds_*}) of the long-running work: Meta syncs, model
 * training and alert scans, whether asked through the API or scheduled. Labels are bounded: {@code kind} ({@code
 * sync}, {@code training}, {@code scan}; not {@code job}, which Prometheus gives the scrape target) and {@code outcome}
 * ({@code success}, {@code failure}); never an account or an ad set. Every series exists from start-up (count 0),
 * so dashboards and alert rules find them before the first job.
 */
@Component
public class JobMetrics {
    /** The timer's name. */
    public static final String NAME = "mlcore.jobs";

    /** The kinds of job, as the {@code kind} label. */
    public enum Job {
        SYNC,
        TRAINING,
        SCAN;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<Job, Timer> successes = new EnumMap<>(Job.class);
    private final Map<Job, Timer> failures = new EnumMap<>(Job.class);

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Job job : Job.values()) {
            successes.put(job, timer(job, "success"));
            failures.put(job, timer(job, "failure"));
        }
    }

    /** Meters that go nowhere (for code constructed outside Spring, e.g. in tests). */
    public static JobMetrics unregistered() {
        return new JobMetrics(new SimpleMeterRegistry());
    }

    private Timer timer(Job job, String outcome) {
        return Timer.builder(NAME)
                .description("Duration of syncs, trainings and alert scans")
                .tag("kind", job.tag())
                .tag("outcome", outcome)
                .register(registry);
    }

    /** A start time for {@link #finish}, from the registry's monotonic clock. */
    public long start() {
        return registry.config().clock().monotonicTime();
    }

    /** Records a job that began at {@code started} ({@link #start}). */
    public void finish(Job job, long started, boolean success) {
        long took = registry.config().clock().monotonicTime() - started;
        (success ? successes : failures).get(job).record(took, TimeUnit.NANOSECONDS);
    }

    /** Runs and times {@code work}: a failure when it throws (the exception or error is rethrown). */
    public <T> T time(Job job, Supplier<T> work) {
        long started = start();
        boolean success = false;
        try {
            T result = work.get();
            success = true;
            return result;
        } finally {
            finish(job, started, success);
        }
    }
}
