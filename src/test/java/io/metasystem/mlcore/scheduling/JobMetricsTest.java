package io.metasystem.mlcore.scheduling;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobMetricsTest {
    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final JobMetrics metrics = new JobMetrics(registry);

    private Timer timer(String kind, String outcome) {
        return registry.get(JobMetrics.NAME)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .timer();
    }

    @Test
    void everySeriesExistsBeforeTheFirstJob() {
        assertThat(registry.get(JobMetrics.NAME).timers()).hasSize(6);
        assertThat(timer("training", "failure").count()).isZero();
    }

    @Test
    void aJobIsTimedAsASuccessOrAsAFailureWhenItThrows() {
        String answer = metrics.time(JobMetrics.Job.SCAN, () -> {
            clock.add(3, TimeUnit.SECONDS);
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(timer("scan", "success").count()).isEqualTo(1);
        assertThat(timer("scan", "success").totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);

        assertThatThrownBy(() -> metrics.time(JobMetrics.Job.SYNC, () -> {
                    clock.add(2, TimeUnit.SECONDS);
                    throw new IllegalStateException("Meta said no");
                }))
                .hasMessage("Meta said no");
        assertThat(timer("sync", "failure").count()).isEqualTo(1);
        assertThat(timer("sync", "failure").totalTime(TimeUnit.SECONDS)).isEqualTo(2.0);
        assertThat(timer("sync", "success").count()).isZero();

        long started = metrics.start();
        clock.add(5, TimeUnit.SECONDS);
        metrics.finish(JobMetrics.Job.TRAINING, started, true);
        assertThat(timer("training", "success").totalTime(TimeUnit.SECONDS)).isEqualTo(5.0);
    }
}
