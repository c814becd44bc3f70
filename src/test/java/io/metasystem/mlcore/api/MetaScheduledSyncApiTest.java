package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.scheduling.ClusteredScheduler;
import io.metasystem.mlcore.scheduling.JobLeases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync jobs without a caller: the scheduled sync on the clustered scheduler (a 2-second cron against the fake Graph
 * API) records a job per account, and a job whose replica died is shown {@code failed} with the interrupted error.
 */
@SpringBootTest(classes = MlCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetaScheduledSyncApiTest {
    static final FakeGraphApi GRAPH = new FakeGraphApi().pageSize(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("mlcore.api-key", () -> HttpClientSupport.KEY);
        r.add("mlcore.meta.access-token", () -> "EAAB-test-token");
        r.add("mlcore.meta.api-base", GRAPH::baseUrl);
        r.add("mlcore.meta.initial-backoff", () -> "10ms");
        r.add("mlcore.meta.sync.cron", () -> "*/2 * * * * *");
        r.add("mlcore.meta.sync.accounts", () -> "act_555");
        r.add("mlcore.meta.sync.days", () -> "3");
        GRAPH.adSet("p1", "Scheduled", "ACTIVE", 1500L, "c9");
        GRAPH.insight("p1", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "12.00", 900, 30, 2, "20.00");
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobLeases leases;

    @Autowired
    ClusteredScheduler scheduler;

    @Test
    void aScheduledExecutionSyncsTheConfiguredAccountAndRecordsAJob() throws InterruptedException {
        assertThat(scheduler.taskNames()).contains("meta-sync");
        List<String> ids = List.of();
        for (int i = 0; i < 200 && ids.isEmpty(); i++) {
            Thread.sleep(50);
            ids = jdbc.sql("select id from meta_job where account_id = '555' and kind = 'sync' and "
                            + "status = 'succeeded' " + "order by created_at")
                    .query(String.class)
                    .list();
        }
        assertThat(ids).as("a succeeded scheduled sync job").isNotEmpty();
        JsonNode job = JSON.readTree(
                new HttpClientSupport(port).get("/api/v1/jobs/" + ids.get(0)).body());
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
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
