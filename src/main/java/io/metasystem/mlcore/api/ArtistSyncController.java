package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.reporting.YoutubeSync;
import io.metasystem.mlcore.reporting.YoutubeSyncJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YouTube Analytics sync of one artist as a job, and its status. */
@RestController
@Tag(name = "reporting")
class ArtistSyncController {
    /** Days a sync reads when the caller names no {@code since}. */
    static final int DEFAULT_DAYS = 28;

    private final YoutubeSync sync;
    private final Clock clock;

    ArtistSyncController(YoutubeSync sync, Clock clock) {
        this.sync = sync;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/artists/{artist_id}/youtube/sync", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Pull an artist's daily channel metrics from the YouTube Analytics API",
            description = "Runs as a job (202 with its id and status URL). since/until inclusive (YYYY-MM-DD, UTC); "
                    + "default: the 28 days ending yesterday; at most 1095 days. Merged by (artist, day) like the "
                    + "CSV import, so a failed sync is retried by submitting it again; while one runs, submitting "
                    + "returns it. 422 without youtube_channel_id, 503 without YOUTUBE_ACCESS_TOKEN.")
    ResponseEntity<Map<String, Object>> start(
            @PathVariable("artist_id") String artistId,
            @RequestParam(name = "since", required = false) String since,
            @RequestParam(name = "until", required = false) String until) {
        String id = ArtistParameters.artistId(artistId);
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate to = DateParameters.parse(
                "until", until, LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1), errors);
        LocalDate from = DateParameters.parse("since", since, to.minusDays(DEFAULT_DAYS - 1L), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        YoutubeSyncJob job = sync.start(id, from, to);
        return ResponseEntity.accepted().location(URI.create(statusUrl(job))).body(body(job));
    }

    @GetMapping(
            value = "/api/v1/artists/{artist_id}/youtube/sync/{job_id}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status, progress and merged rows of an artist's YouTube sync job")
    Map<String, Object> job(@PathVariable("artist_id") String artistId, @PathVariable("job_id") String jobId) {
        return body(sync.job(ArtistParameters.artistId(artistId), jobId));
    }

    /**
     * {@code job_id, kind, artist_id, since, until, status, progress, rows{read, inserted, updated, unchanged}, error,
     * trigger, created_at, updated_at, status_url}.
     */
    static Map<String, Object> body(YoutubeSyncJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.id());
        body.put("kind", YoutubeSyncJob.KIND);
        body.put("artist_id", job.artistId());
        body.put("since", job.since().toString());
        body.put("until", job.until().toString());
        body.put("status", job.status());
        body.put("progress", job.progress());
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("read", job.rowsRead());
        rows.put("inserted", job.inserted());
        rows.put("updated", job.updated());
        rows.put("unchanged", job.unchanged());
        body.put("rows", rows);
        body.put("error", job.error());
        body.put("trigger", job.trigger());
        body.put("created_at", job.createdAt().toString());
        body.put("updated_at", job.updatedAt().toString());
        body.put("status_url", statusUrl(job));
        return body;
    }

    private static String statusUrl(YoutubeSyncJob job) {
        return "/api/v1/artists/" + job.artistId() + "/youtube/sync/" + job.id();
    }
}
