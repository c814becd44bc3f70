package io.metasystem.mlcore.api;

import io.metasystem.mlcore.reporting.PlatformImportReport;
import io.metasystem.mlcore.reporting.PlatformImporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** Spotify for Artists and YouTube Studio CSV imports, raw {@code text/csv} or multipart part {@code file}. */
@RestController
@Tag(name = "reporting")
class ArtistImportController {
    private static final String GUARANTEES = " Headers matched without case; one transaction; a bad cell refuses the "
            + "file (400 naming line and column); idempotent merge; up to MAX_IMPORT_SIZE.";

    private final PlatformImporter importer;

    ArtistImportController(PlatformImporter importer) {
        this.importer = importer;
    }

    @RawCsvPost("/api/v1/artists/{artist_id}/spotify/timeline.csv")
    @Operation(
            summary = "Import a Spotify for Artists audience timeline (raw CSV)",
            description = "Columns date, listeners, streams, followers (cumulative; followers_gained is derived); "
                    + "date and streams required. Merged by (artist, date)." + GUARANTEES)
    PlatformImportReport timeline(@PathVariable("artist_id") String artistId, HttpServletRequest request)
            throws IOException {
        String id = ArtistParameters.artistId(artistId);
        return UploadedBody.read(request, body -> importer.spotifyTimeline(id, body));
    }

    @MultipartCsvPost("/api/v1/artists/{artist_id}/spotify/timeline.csv")
    @Operation(summary = "Import a Spotify for Artists audience timeline (multipart upload, part 'file')")
    PlatformImportReport timelineUpload(
            @PathVariable("artist_id") String artistId, @RequestPart("file") MultipartFile file) throws IOException {
        String id = ArtistParameters.artistId(artistId);
        return UploadedBody.read(file, body -> importer.spotifyTimeline(id, body));
    }

    @RawCsvPost("/api/v1/artists/{artist_id}/spotify/songs.csv")
    @Operation(
            summary = "Import a Spotify for Artists per-song table (raw CSV)",
            description = "Columns song, listeners, streams, saves, release_date; song and streams required. Merged by "
                    + "(artist, song)." + GUARANTEES)
    PlatformImportReport songs(@PathVariable("artist_id") String artistId, HttpServletRequest request)
            throws IOException {
        String id = ArtistParameters.artistId(artistId);
        return UploadedBody.read(request, body -> importer.spotifySongs(id, body));
    }

    @MultipartCsvPost("/api/v1/artists/{artist_id}/spotify/songs.csv")
    @Operation(summary = "Import a Spotify for Artists per-song table (multipart upload, part 'file')")
    PlatformImportReport songsUpload(
            @PathVariable("artist_id") String artistId, @RequestPart("file") MultipartFile file) throws IOException {
        String id = ArtistParameters.artistId(artistId);
        return UploadedBody.read(file, body -> importer.spotifySongs(id, body));
    }

    @RawCsvPost("/api/v1/artists/{artist_id}/youtube/daily.csv")
    @Operation(
            summary = "Import a YouTube Studio daily export (raw CSV)",
            description = "YouTube Studio's 'Table data.csv' by Date: Date, Views, Watch time (hours), Subscribers, "
                    + "Impressions, Impressions click-through rate (%), Likes, Shares (Analytics API names such as "
                    + "subscribersGained too); Date and Views required; the Total row is skipped. Merged by "
                    + "(artist, date)." + GUARANTEES)
    PlatformImportReport youtube(@PathVariable("artist_id") String artistId, HttpServletRequest request)
            throws IOException {
        String id = ArtistParameters.artistId(artistId);
        return UploadedBody.read(request, body -> importer.youtubeDaily(id, body));
    }

    @MultipartCsvPost("/api/v1/artists/{artist_id}/youtube/daily.csv")
    @Operation(summary = "Import a YouTube Studio daily export (multipart upload, part 'file')")
    PlatformImportReport youtubeUpload(
            @PathVariable("artist_id") String artistId, @RequestPart("file") MultipartFile file) throws IOException {
        String id = ArtistParameters.artistId(artistId);
        return UploadedBody.read(file, body -> importer.youtubeDaily(id, body));
    }
}
