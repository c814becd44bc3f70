package io.metasystem.mlcore.api;

import io.metasystem.mlcore.alerts.AnomalyService;
import io.metasystem.mlcore.alerts.detect.AnomalyDetector;
import io.metasystem.mlcore.alerts.detect.DetectionResult;
import io.metasystem.mlcore.alerts.detect.DetectionSettings;
import io.metasystem.mlcore.alerts.detect.Metric;
import io.metasystem.mlcore.alerts.detect.Sensitivity;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.store.AccountIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Outlier and deviation detection: stateless on posted series, or on an account's stored insights. */
@RestController
@Tag(name = "alerts")
class AnomalyController {
    static final int MAX_RANGE_DAYS = 366;

    private final AnomalyService anomalies;

    AnomalyController(AnomalyService anomalies) {
        this.anomalies = anomalies;
    }

    @PostMapping(
            value = "/api/v1/anomalies/detect",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Find outliers and deviations in posted daily ad-set series",
            description = "Stateless. Every anomalous day after the warm-up (the first 7 days of each series) is "
                    + "reported; a level shift or delivery stop once, on the day it starts. An ad set with too little "
                    + "history gets a warning, not an error. docs/alerts.md describes the methods.")
    AnomalyResponse detect(@RequestBody AnomalyRequest request) {
        AnomalyRequestValidator.Checked checked = AnomalyRequestValidator.check(request);
        DetectionResult result = anomalies.detect(checked.series(), checked.settings());
        return AnomalyResponse.of(
                result,
                checked.settings().sensitivity().wireName(),
                AnomalyDetector.MIN_BASELINE,
                request.from(),
                null);
    }

    @GetMapping(value = "/api/v1/accounts/{account_id}/anomalies", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Find outliers and deviations in an account's stored insights",
            description = "from/to inclusive (YYYY-MM-DD); default: the 7 days ending on the latest stored day. The "
                    + "56 days before from form the baseline. Optional sensitivity (low|medium|high) and metrics "
                    + "(comma-separated). 404 when the account is unknown.")
    AnomalyResponse stored(
            @PathVariable("account_id") String accountId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sensitivity,
            @RequestParam(required = false) String metrics) {
        String id = AccountIds.canonical(accountId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate toDate = DateParameters.parse("to", to, null, problems);
        LocalDate fromDate = DateParameters.parse("from", from, null, problems);
        Sensitivity level = AnomalyRequestValidator.sensitivity("sensitivity", sensitivity, problems);
        List<String> names = metrics == null || metrics.isBlank()
                ? List.of()
                : Arrays.stream(metrics.split(",")).map(String::strip).toList();
        Set<Metric> checked = AnomalyRequestValidator.metrics("metrics", names, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate last = anomalies.lastDate(id);
        List<String> notes = new ArrayList<>();
        if (toDate == null) {
            toDate = last == null ? fromDate == null ? LocalDate.of(1970, 1, 1) : fromDate : last;
        }
        if (fromDate == null) {
            fromDate = toDate.minusDays(6);
        }
        if (fromDate.isAfter(toDate)) {
            throw new InvalidInputException("from", "must not be after to (" + fromDate + " > " + toDate + ")");
        }
        if (fromDate.plusDays(MAX_RANGE_DAYS).isBefore(toDate)) {
            throw new InvalidInputException("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
        DetectionSettings settings = new DetectionSettings(level, checked, fromDate, toDate, 0.9);
        DetectionResult result = anomalies.detectStored(id, fromDate, toDate, settings);
        if (last == null) {
            notes.add("account " + id + " has no stored insights");
        }
        if (!notes.isEmpty()) {
            List<String> warnings = new ArrayList<>(result.warnings());
            warnings.addAll(notes);
            result = new DetectionResult(result.anomalies(), result.seriesChecked(), warnings);
        }
        return AnomalyResponse.of(result, level.wireName(), AnomalyDetector.MIN_BASELINE, fromDate, toDate);
    }
}
