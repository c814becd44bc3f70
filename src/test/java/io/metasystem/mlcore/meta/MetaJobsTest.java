package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.scheduling.JobLeases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A sync job keeps a terminal status: once the lease sweep failed it, a run that ends late does not revive it. */
@SpringBootTest(classes = MlCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MetaJobsTest {
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
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo("failed");

        jobs.finish(job.id(), "succeeded", "{\"insight_rows\":3}", null);

        MetaJob after = jobs.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo("failed");
        assertThat(after.error()).startsWith("interrupted").contains("ended later anyway: succeeded");
        assertThat(after.result()).isEqualTo("{\"insight_rows\":3}");
    }

    @Test
    void aRunningJobIsFinishedNormally() {
        MetaJob job = jobs.start("sync", "4243");
        jobs.finish(job.id(), "succeeded", "{}", null);
        MetaJob after = jobs.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo("succeeded");
        assertThat(after.error()).isNull();
    }
}
