package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobRows;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.scheduling.JobTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code reporting_job} table: YouTube sync jobs, visible from every replica, leased like the other jobs (a job
 * whose replica died is marked failed by the lease sweep and can be submitted again).
 */
@Component
class YoutubeSyncJobs {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JobLeases leases;

    YoutubeSyncJobs(JdbcClient jdbc, Clock clock, JobLeases leases) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.leases = leases;
    }

    YoutubeSyncJob start(String artistId, LocalDate since, LocalDate until, SyncTrigger trigger) {
        String id = UUID.randomUUID().toString();
        JobRows.insertRunning(
                jdbc,
                leases,
                JobTable.REPORTING_JOB,
                id,
                now(),
                """
                insert into reporting_job (id, kind, artist_id, since_date, until_date, status, progress, trigger_name,
                    created_at, updated_at)
                values (:id, :kind, :artist, :since, :until, :running, 'queued', :trigger, :now, :now)""",
                Map.of(
                        "kind", YoutubeSyncJob.KIND,
                        "artist", artistId,
                        "since", since,
                        "until", until,
                        "trigger", trigger.value()));
        return find(id).orElseThrow();
    }

    void progress(String id, String progress) {
        JobRows.progressText(jdbc, JobTable.REPORTING_JOB, id, progress, now());
    }

    void read(String id, long rows) {
        jdbc.sql("update reporting_job set rows_read = :r, updated_at = :now where id = :id")
                .param("r", rows)
                .param("now", now())
                .param("id", id)
                .update();
    }

    /** Ends a running job; a job the lease sweep already failed keeps that status (its error says so). */
    void finish(String id, JobStatus status, PlatformImportReport merged, String progress, String error) {
        leases.release(JobTable.REPORTING_JOB, id);
        jdbc.sql("update reporting_job set status = case when status = :running then :s else status end, "
                        + "progress = :p, inserted = :i, updated = :u, unchanged = :n, "
                        + "error = case when status = :running then :e else error end, updated_at = :now "
                        + "where id = :id")
                .param("running", JobStatus.RUNNING.value())
                .param("s", status.value())
                .param("p", progress)
                .param("i", merged == null ? null : merged.inserted())
                .param("u", merged == null ? null : merged.updated())
                .param("n", merged == null ? null : merged.unchanged())
                .param("e", error == null ? null : error.substring(0, Math.min(4000, error.length())))
                .param("now", now())
                .param("id", id)
                .update();
    }

    Optional<YoutubeSyncJob> find(String id) {
        return jdbc.sql("select * from reporting_job where id = :id and kind = :kind")
                .param("id", id)
                .param("kind", YoutubeSyncJob.KIND)
                .query((rs, n) -> job(rs))
                .optional();
    }

    /** The artist's running sync, if any (the newest). */
    Optional<YoutubeSyncJob> running(String artistId) {
        return jdbc
                .sql("select * from reporting_job where artist_id = :a and kind = :kind and status = :running "
                        + "order by created_at desc")
                .param("a", artistId)
                .param("kind", YoutubeSyncJob.KIND)
                .param("running", JobStatus.RUNNING.value())
                .query((rs, n) -> job(rs))
                .stream()
                .findFirst();
    }

    private static YoutubeSyncJob job(ResultSet rs) throws SQLException {
        return new YoutubeSyncJob(
                rs.getString("id"),
                rs.getString("artist_id"),
                rs.getObject("since_date", LocalDate.class),
                rs.getObject("until_date", LocalDate.class),
                JobStatus.of(rs.getString("status")),
                rs.getString("progress"),
                rs.getObject("rows_read", Long.class),
                rs.getObject("inserted", Long.class),
                rs.getObject("updated", Long.class),
                rs.getObject("unchanged", Long.class),
                rs.getString("error"),
                SyncTrigger.of(rs.getString("trigger_name")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
