package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.config.MetaSyncProperties;
import io.metasystem.mlcore.scheduling.ClusteredScheduler;
import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync jobs without a caller: the scheduled sync registered on the clustered scheduler, its pass (run here, on a
 * fixed {@link Clock}, against the fake Graph API) records a job per account, and a job whose replica died is shown
 * {@code failed} with the interrupted error.
 */
class ScheduledSyncTest extends LiveMetaTest {
    /** The pass runs at 10:00 UTC on 20 November 2026, so it reads 17..19 November. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 19);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void market() {
        GRAPH.pageSize(5);
        GRAPH.adSet("p1", "Scheduled", "ACTIVE", 1500L, "c9");
        GRAPH.insight("p1", YESTERDAY.toString(), "12.00", 900, 30, 2, "20.00");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobLeases leases;

    @Autowired
    ClusteredScheduler scheduler;

    @Autowired
    SyncService sync;

    @Autowired
    MetaSyncProperties syncProperties;

    @Autowired
    MetaProperties metaProperties;

    @Test
    void aScheduledExecutionSyncsTheConfiguredAccountAndRecordsAJob() {
        assertThat(scheduler.taskNames()).contains("meta-sync");
        new ScheduledSync(sync, syncProperties, metaProperties, CLOCK).runOnce(); // the scheduled pass, run here
        List<String> ids = jdbc.sql("select id from meta_job where account_id = '555' and kind = 'sync' and "
                        + "status = 'succeeded' " + "order by created_at")
                .query(String.class)
                .list();
        assertThat(ids).as("a succeeded scheduled sync job").isNotEmpty();
        JsonNode job = JSON.readTree(
                new HttpClientSupport(port).get("/api/v1/jobs/" + ids.get(0)).body());
        LocalDate yesterday = YESTERDAY;
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.path("result").path("since").asString())
                .isEqualTo(yesterday.minusDays(2).toString());
        assertThat(job.path("result").path("until").asString()).isEqualTo(yesterday.toString());
        assertThat(job.path("result").path("insight_rows").asInt()).isEqualTo(1);
        assertThat(GRAPH.received())
                .anyMatch(r -> r.path().equals("/v23.0/act_555/insights")
                        && r.query()
                                .get("time_range")
                                .equals("{\"since\":\"" + yesterday.minusDays(2) + "\",\"until\":\"" + yesterday
                                        + "\"}"));
        assertThat(JSON.readTree(new HttpClientSupport(port)
                                .get("/api/v1/accounts/555/adsets")
                                .body())
                        .toString())
                .contains("p1");
    }

    @Test
    void aJobWhoseReplicaDiedIsShownFailedAsInterrupted() {
        // a live owner first (fresh heartbeat: no sweep, scheduled or not, may touch it), then the owner stops beating
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into meta_job (id, kind, account_id, status, progress, created_at, updated_at, owner,
                heartbeat_at)
                values ('dead-owner-job', 'sync', '777', 'running', '2 ad sets; reading insights', :t, :t,
                'replica-gone', :t)
                """).param("t", now).update();
        HttpClientSupport http = new HttpClientSupport(port);
        assertThat(JSON.readTree(http.get("/api/v1/jobs/dead-owner-job").body())
                        .get("status")
                        .asString())
                .isEqualTo("running");
        leases.sweep();
        assertThat(JSON.readTree(http.get("/api/v1/jobs/dead-owner-job").body())
                        .get("status")
                        .asString())
                .isEqualTo("running");

        jdbc.sql("update meta_job set heartbeat_at = :t, updated_at = :t where id = 'dead-owner-job'")
                .param("t", now.minusHours(1))
                .update();
        leases.sweep();

        JsonNode job = JSON.readTree(http.get("/api/v1/jobs/dead-owner-job").body());
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).contains("interrupted").contains("submit it again");
    }
}
