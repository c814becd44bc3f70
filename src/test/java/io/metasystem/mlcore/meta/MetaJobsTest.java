package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync job keeps a terminal status: once the lease sweep failed it, a run that ends late does not revive it. Runs in
 * the live Meta profile's shared context; its accounts (4242, 4243) are its own.
 */
class MetaJobsTest extends LiveMetaTest {
    @Autowired
    MetaJobs jobs;

    @Autowired
    JobLeases leases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobFailedByTheSweepStaysFailedWhenItsRunEndsLate() {
        MetaJob job = jobs.start("sync", "4242");
        jdbc.sql("update meta_job set heartbeat_at = :t, updated_at = :t where id = :id")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                .param("id", job.id())
                .update();
        leases.sweep();
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.FAILED);

        jobs.finish(job.id(), JobStatus.SUCCEEDED, "{\"insight_rows\":3}", null);

        MetaJob after = jobs.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.FAILED);
        assertThat(after.error()).startsWith("interrupted").contains("ended later anyway: succeeded");
        assertThat(after.result()).isEqualTo("{\"insight_rows\":3}");
    }

    @Test
    void aRunningJobIsFinishedNormally() {
        MetaJob job = jobs.start("sync", "4243");
        jobs.finish(job.id(), JobStatus.SUCCEEDED, "{}", null);
        MetaJob after = jobs.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(after.error()).isNull();
    }
}
