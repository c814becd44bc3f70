package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.scheduling.JobStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One YouTube Analytics sync of one artist, as reported to callers ({@code reporting_job}).
 *
 * @param id        job id (UUID)
 * @param artistId  the artist
 * @param since     first day asked for, inclusive (UTC)
 * @param until     last day asked for, inclusive (UTC)
 * @param status    running, succeeded or failed
 * @param progress  human-readable progress, nullable
 * @param rowsRead  days the API answered; null until read
 * @param inserted  new (artist, day) rows; null until merged
 * @param updated   stored days whose values changed; null until merged
 * @param unchanged days equal to what was stored; null until merged
 * @param error     why it failed (never the token), nullable
 * @param trigger   the API route or the schedule
 */
public record YoutubeSyncJob(
        String id,
        String artistId,
        LocalDate since,
        LocalDate until,
        JobStatus status,
        String progress,
        Long rowsRead,
        Long inserted,
        Long updated,
        Long unchanged,
        String error,
        SyncTrigger trigger,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
    /** The job kind stored in {@code reporting_job.kind}. */
    public static final String KIND = "youtube_sync";
}
