package io.metasystem.mlcore.scheduling;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

/**
 * The status updates every job table ({@link JobTable}: {@code status}, {@code steps_done}, {@code steps_total},
 * {@code progress}, {@code error}, {@code updated_at}) shares. They only touch a job that is still queued or running:
 * a terminal status is never overwritten ({@link JobStatus}). Texts are cut to the columns' 512 / 1000 characters.
 */
public final class JobRows {
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

    /** @return {@code s} cut to {@code n} characters; null stays null */
    public static String truncate(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }
}
