package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobRows;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.scheduling.JobTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code meta_job} table: job resources for sync, visible from every replica. */
@Component
public class MetaJobs {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JobLeases leases;

    MetaJobs(JdbcClient jdbc, Clock clock, JobLeases leases) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.leases = leases;
    }

    MetaJob start(String kind, String accountId) {
        String id = UUID.randomUUID().toString();
        String insert = """
                insert into meta_job (id, kind, account_id, status, progress, created_at, updated_at)
                values (:id, :kind, :account, :running, 'queued', :now, :now)""";
        JobRows.insertRunning(
                jdbc, leases, JobTable.META_JOB, id, now(), insert, Map.of("kind", kind, "account", accountId));
        return find(id).orElseThrow();
    }

    void progress(String id, String progress) {
        JobRows.progressText(jdbc, JobTable.META_JOB, id, progress, now());
    }

    /**
     * Ends a running job. A job the lease sweep already marked failed keeps that status, as training jobs do
     * (callers were told it failed and may have submitted it again); its error then says how the run ended.
     */
    void finish(String id, JobStatus status, String result, String error) {
        leases.release(JobTable.META_JOB, id);
        int n = jdbc.sql("update meta_job set status = :s, result = :r, error = :e, updated_at = :now "
                        + "where id = :id and status = :running")
                .param("s", status.value())
                .param("running", JobStatus.RUNNING.value())
                .param("r", result)
                .param("e", truncate(error))
                .param("now", now())
                .param("id", id)
                .update();
        if (n == 0) {
            find(id).ifPresent(job -> jdbc.sql(
                            "update meta_job set result = :r, error = :e, updated_at = :now where id = :id")
                    .param("r", result)
                    .param("now", now())
                    .param("id", id)
                    .param(
                            "e",
                            truncate(job.error() + "; the run ended later anyway: " + status
                                    + (error == null ? "" : " (" + error + ")") + " (status kept: " + job.status()
                                    + ")"))
                    .update());
        }
    }

    private static String truncate(String error) {
        return error == null ? null : error.substring(0, Math.min(4000, error.length()));
    }

    public Optional<MetaJob> find(String id) {
        return jdbc.sql("select * from meta_job where id = :id")
                .param("id", id)
                .query((rs, n) -> new MetaJob(
                        rs.getString("id"),
                        rs.getString("kind"),
                        rs.getString("account_id"),
                        JobStatus.of(rs.getString("status")),
                        rs.getString("progress"),
                        rs.getString("result"),
                        rs.getString("error"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
