package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.config.YoutubeProperties;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.scheduling.JobRows;
import io.metasystem.mlcore.scheduling.JobStatus;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * YouTube Analytics syncs of one artist as jobs ({@code reporting_job}): reads the artist's channel's days from the
 * Analytics API ({@link YoutubeAnalyticsClient}: 429/5xx retried, quota errors not) and merges them by (artist, day)
 * with source {@code api}, like the CSV import. Idempotent, so a failed or interrupted sync is retried by submitting
 * it again: days already stored are {@code unchanged}. While a sync of the artist runs, submitting another returns the
 * running one. The token is only in the request header, never in a job's progress or error.
 */
@Service
public class YoutubeSync {
    /** Longest range one sync may ask for: three years. */
    public static final int MAX_DAYS = 1095;

    private static final Logger log = LoggerFactory.getLogger(YoutubeSync.class);

    private final YoutubeProperties properties;
    private final ArtistStore artists;
    private final PlatformImporter importer;
    private final YoutubeSyncJobs jobs;
    private final ExecutorService executor;

    YoutubeSync(YoutubeProperties properties, ArtistStore artists, PlatformImporter importer, YoutubeSyncJobs jobs) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("youtube-sync-");
        threads.setDaemon(true);
        this.executor = Executors.newSingleThreadExecutor(threads);
        this.properties = properties;
        this.artists = artists;
        this.importer = importer;
        this.jobs = jobs;
    }

    /**
     * Starts a sync in the background (or returns the artist's running one).
     *
     * @throws NotFoundException     for an unknown artist
     * @throws InvalidInputException naming {@code until} or {@code since} for a reversed or too long range
     * @throws ProblemException      422 naming {@code youtube_channel_id} when the artist has none; 503 naming
     *                               {@code YOUTUBE_ACCESS_TOKEN} when it is not set
     */
    public YoutubeSyncJob start(String artistId, LocalDate since, LocalDate until) {
        Artist artist = admit(artistId, since, until);
        var running = jobs.running(artist.artistId());
        if (running.isPresent()) {
            return running.get();
        }
        YoutubeSyncJob job = jobs.start(artist.artistId(), since, until, SyncTrigger.API);
        try {
            executor.submit(() -> run(job.id(), artist, since, until));
        } catch (RejectedExecutionException e) {
            jobs.finish(job.id(), JobStatus.FAILED, null, "not started", "the service is shutting down; submit again");
        }
        return jobs.find(job.id()).orElseThrow();
    }

    /** Runs a sync in the calling thread (the scheduled sync) and returns the finished job; same checks as start. */
    public YoutubeSyncJob runNow(String artistId, LocalDate since, LocalDate until, SyncTrigger trigger) {
        Artist artist = admit(artistId, since, until);
        YoutubeSyncJob job = jobs.start(artist.artistId(), since, until, trigger);
        run(job.id(), artist, since, until);
        return jobs.find(job.id()).orElseThrow();
    }

    /**
     * @throws NotFoundException naming {@code job_id} unless the job exists and is a sync of this artist
     */
    public YoutubeSyncJob job(String artistId, String jobId) {
        artists.require(artistId);
        return jobs.find(jobId)
                .filter(j -> j.artistId().equals(artistId))
                .orElseThrow(() -> new NotFoundException(
                        "YouTube sync",
                        jobId,
                        "job_id",
                        "No YouTube sync '" + jobId + "' of artist '" + artistId + "'."));
    }

    private Artist admit(String artistId, LocalDate since, LocalDate until) {
        if (until.isBefore(since)) {
            throw new InvalidInputException("until", "must not be before since (" + since + "), got " + until);
        }
        if (since.plusDays(MAX_DAYS).isBefore(until)) {
            throw new InvalidInputException("since", "range is longer than " + MAX_DAYS + " days");
        }
        Artist artist = artists.require(artistId);
        if (!properties.configured()) {
            String detail = "YOUTUBE_ACCESS_TOKEN is not set; the sync needs the YouTube Analytics API.";
            throw new ProblemException(
                    ProblemKind.UNAVAILABLE,
                    "YouTube connector not configured",
                    detail,
                    List.of(new FieldProblem("YOUTUBE_ACCESS_TOKEN", "is not set")),
                    Map.of(),
                    null);
        }
        if (artist.youtubeChannelId() == null) {
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE,
                    null,
                    "Artist '" + artistId + "' has no youtube_channel_id; PUT it first.",
                    List.of(new FieldProblem("youtube_channel_id", "is not set")),
                    Map.of(),
                    null);
        }
        return artist;
    }

    /** Runs the job; it is finished in every outcome, so it never stays running on a live replica. */
    private void run(String jobId, Artist artist, LocalDate since, LocalDate until) {
        boolean finished = false;
        try {
            jobs.progress(jobId, "reading YouTube Analytics " + since + " .. " + until);
            List<YoutubeDay> days = client().daily(artist.youtubeChannelId(), since, until);
            jobs.read(jobId, days.size());
            jobs.progress(jobId, days.size() + " days read; merging");
            PlatformImportReport merged = importer.youtubeDays(artist.artistId(), days, "api");
            jobs.finish(
                    jobId,
                    JobStatus.SUCCEEDED,
                    merged,
                    "done: " + days.size() + " days, " + merged.inserted() + " inserted, " + merged.updated()
                            + " updated, " + merged.unchanged() + " unchanged",
                    null);
            finished = true;
            log.info(
                    "YouTube sync {} of artist {} {}..{}: {} days, {} inserted, {} updated",
                    jobId,
                    artist.artistId(),
                    since,
                    until,
                    days.size(),
                    merged.inserted(),
                    merged.updated());
        } catch (RuntimeException e) {
            log.warn("YouTube sync {} of artist {} failed: {}", jobId, artist.artistId(), e.getMessage());
            jobs.finish(jobId, JobStatus.FAILED, null, "failed; submit the sync again", e.getMessage());
            finished = true;
        } finally {
            if (!finished) {
                jobs.finish(jobId, JobStatus.FAILED, null, "failed", JobRows.SYNC_STOPPED_UNEXPECTEDLY);
            }
        }
    }

    private YoutubeAnalyticsClient client() {
        return new YoutubeAnalyticsClient(
                properties.apiBase(),
                properties.accessToken(),
                Duration.ofSeconds(30),
                4,
                properties.initialBackoff(),
                d -> Thread.sleep(d.toMillis()));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
