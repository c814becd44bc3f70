package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.reporting.ArtistReport;
import io.metasystem.mlcore.reporting.ArtistStore;
import io.metasystem.mlcore.reporting.Attribution;
import io.metasystem.mlcore.reporting.AttributionMetric;
import io.metasystem.mlcore.reporting.AttributionService;
import io.metasystem.mlcore.reporting.ReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An artist's joined daily report (JSON and CSV). */
@RestController
@Tag(name = "reporting")
class ArtistReportController {
    /** Longest report range. */
    static final int MAX_DAYS = 1125;

    private final ReportService reports;
    private final ArtistStore artists;
    private final Clock clock;
    private final AttributionService attribution;

    ArtistReportController(ReportService reports, ArtistStore artists, Clock clock, AttributionService attribution) {
        this.attribution = attribution;
        this.reports = reports;
        this.artists = artists;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/artists/{artist_id}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "An artist's daily Meta spend next to Spotify and YouTube metrics",
            description = "from/to inclusive (YYYY-MM-DD); default: the 90 days ending on the latest imported day. "
                    + "Totals and naive ratios (total spend ÷ total metric, NOT incremental: see attribution).")
    ArtistReport report(
            @PathVariable("artist_id") String artistId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String id = ArtistParameters.artistId(artistId);
        LocalDate[] range = range(id, from, to);
        return reports.report(id, range[0], range[1]);
    }

    @GetMapping(value = "/api/v1/artists/{artist_id}/report.csv", produces = "text/csv")
    @Operation(
            summary = "The artist's daily report as CSV (for spreadsheets)",
            description = "Same days as /report; a header line, one line per day, a final total line.")
    ResponseEntity<String> reportCsv(
            @PathVariable("artist_id") String artistId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String id = ArtistParameters.artistId(artistId);
        LocalDate[] range = range(id, from, to);
        String csv = ReportService.csv(reports.report(id, range[0], range[1]));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + id + "-report.csv\"")
                .body(csv);
    }

    @GetMapping(value = "/api/v1/artists/{artist_id}/attribution", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "What the ads added: incremental streams, followers, views or subscribers per unit of spend",
            description = "metric=streams|followers|youtube_views|subscribers (default streams); from/to as /report. "
                    + "Bayesian distributed-lag regression (geometric adstock, decay grid, conjugate regression, "
                    + "events as baseline shifts); 90% credible intervals; every field says INCREMENTAL or TOTAL. "
                    + "Estimates are null with warnings when the data cannot tell.")
    Attribution attribution(
            @PathVariable("artist_id") String artistId,
            @RequestParam(required = false, defaultValue = "streams") String metric,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String id = ArtistParameters.artistId(artistId);
        AttributionMetric m = AttributionMetric.fromWire(metric);
        if (m == null) {
            throw new InvalidInputException(
                    "metric", "must be streams, followers, youtube_views or subscribers, got '" + metric + "'");
        }
        LocalDate[] range = range(id, from, to);
        return attribution.attribute(id, m, range[0], range[1]);
    }

    /**
     * The days of a report or attribution: {@code to} defaults to the latest imported day (else yesterday, UTC),
     * {@code from} to 89 days before it.
     *
     * @return {@code {from, to}}
     * @throws InvalidInputException naming {@code from} or {@code to}
     */
    LocalDate[] range(String artistId, String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate toDate = DateParameters.parse("to", to, null, problems);
        LocalDate fromDate = DateParameters.parse("from", from, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        artists.require(artistId);
        if (toDate == null) {
            LocalDate latest = reports.latestDay(artistId);
            toDate = latest != null
                    ? latest
                    : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        }
        if (fromDate == null) {
            fromDate = toDate.minusDays(89);
        }
        if (fromDate.isAfter(toDate)) {
            throw new InvalidInputException("from", "must not be after to (" + fromDate + " > " + toDate + ")");
        }
        if (fromDate.plusDays(MAX_DAYS).isBefore(toDate)) {
            throw new InvalidInputException("to", "the range may span at most " + MAX_DAYS + " days");
        }
        return new LocalDate[] {fromDate, toDate};
    }
}
