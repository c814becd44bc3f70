package io.metasystem.mlcore.scheduling;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The status updates every job table ({@link JobTable}: {@code status}, {@code steps_done}, {@code steps_total},
 * {@code progress}, {@code error}, {@code updated_at}) shares. They only touch a job that is still queued or running:
 * a terminal status is never overwritten ({@link JobStatus}). Texts are cut to the columns' 512 / 1000 characters.
 */
public final class JobRows {
    /** Error of a sync job that ended without recording an outcome (an unexpected throwable). */
    public static final String SYNC_STOPPED_UNEXPECTEDLY =
            "internal error; the sync stopped unexpectedly, submit it again";

    private JobRows() {}

    /** Marks the job running with its progress; @return 1 when it was still queued or running */
    public static int progress(
            JdbcClient jdbc, JobTable table, String id, int done, int total, String progress, OffsetDateTime now) {
        return jdbc.sql("update " + table.table() + " set status = :running, steps_done = :done, steps_total = :total, "
                        + "progress = :progress, updated_at = :now where id = :id and status in (:queued, :running)")
                .param("queued", JobStatus.QUEUED.value())
                .param("running", JobStatus.RUNNING.value())
                .param("done", done)
                .param("total", total)
                .param("progress", truncate(progress, 512))
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** Marks the job failed with {@code error}; @return 1 when it was still queued or running */
    public static int fail(JdbcClient jdbc, JobTable table, String id, String error, OffsetDateTime now) {
        return jdbc.sql("update " + table.table() + " set status = :failed, progress = 'failed', error = :error, "
                        + "updated_at = :now where id = :id and status in (:queued, :running)")
                .param("queued", JobStatus.QUEUED.value())
                .param("running", JobStatus.RUNNING.value())
                .param("failed", JobStatus.FAILED.value())
                .param("error", truncate(error, 1000))
                .param("now", now)
                .param("id", id)
                .update();
    }

    /**
     * Records a new running job and takes its lease ({@link JobLeases#acquire}): runs {@code insert}, which names
     * {@code :id}, {@code :running} (bound to {@link JobStatus#RUNNING}) and {@code :now}, plus the named parameters of
     * {@code params}.
     */
    public static void insertRunning(
            JdbcClient jdbc,
            JobLeases leases,
            JobTable table,
            String id,
            OffsetDateTime now,
            String insert,
            Map<String, ?> params) {
        jdbc.sql(insert)
                .param("id", id)
                .param("running", JobStatus.RUNNING.value())
                .param("now", now)
                .params(params)
                .update();
        leases.acquire(table, id);
    }

    /** Sets the job's progress text and {@code updated_at}, whatever its status (the text is not cut). */
    public static void progressText(JdbcClient jdbc, JobTable table, String id, String progress, OffsetDateTime now) {
        jdbc.sql("update " + table.table() + " set progress = :p, updated_at = :now where id = :id")
                .param("p", progress)
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** @return {@code s} cut to {@code n} characters; null stays null */
    public static String truncate(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }
}
