package io.metasystem.mlcore.api;

import io.metasystem.mlcore.alerts.AlertService;
import io.metasystem.mlcore.alerts.AlertState;
import io.metasystem.mlcore.alerts.ScanResult;
import io.metasystem.mlcore.alerts.SilenceMatchers;
import io.metasystem.mlcore.alerts.detect.AnomalyKind;
import io.metasystem.mlcore.alerts.detect.Metric;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.store.InsightStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Stateful alerts: list, read, acknowledge, silence, and scan an account now. */
@RestController
@Tag(name = "alerts")
class AlertController {
    static final Duration MAX_SILENCE = Duration.ofDays(366);

    private final AlertService alerts;
    private final InsightStore store;
    private final Clock clock;

    AlertController(AlertService alerts, InsightStore store, Clock clock) {
        this.alerts = alerts;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "List alerts",
            description = "Newest first, at most 1,000. Optional state (pending|firing|acknowledged|resolved) and "
                    + "account_id.")
    AlertResponses.AlertList list(
            @RequestParam(required = false) String state,
            @RequestParam(name = "account_id", required = false) String accountId) {
        AlertState parsed = null;
        if (state != null && !state.isBlank()) {
            try {
                parsed = AlertState.fromWire(state);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "state", "must be one of [pending, firing, acknowledged, resolved], was '" + state + "'");
            }
        }
        return AlertResponses.AlertList.of(
                alerts.list(parsed, accountId == null || accountId.isBlank() ? null : accountId));
    }

    @GetMapping(value = "/api/v1/alerts/silences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List silences", description = "Those in force now; all=true also expired ones.")
    AlertResponses.SilenceList silences(@RequestParam(defaultValue = "false") String all) {
        if (!all.equals("true") && !all.equals("false")) {
            throw new InvalidInputException("all", "must be true or false, was '" + all + "'");
        }
        OffsetDateTime now = now();
        var items = alerts.silences(all.equals("true")).stream()
                .map(s -> AlertResponses.SilenceBody.of(s, now))
                .toList();
        return new AlertResponses.SilenceList(items, items.size());
    }

    @PostMapping(
            value = "/api/v1/alerts/silences",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Silence matching alerts",
            description = "Alerts matching every given matcher (account_id, adset_id, metric, kind; at least one) are "
                    + "not notified until ends_at (or now + duration, at most 366 days). A comment is required.")
    ResponseEntity<AlertResponses.SilenceBody> silence(@RequestBody AlertResponses.SilenceRequest request) {
        if (request == null) {
            throw new InvalidInputException("$", "required JSON body is missing");
        }
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime now = now();
        if (blank(request.accountId())
                && blank(request.adsetId())
                && blank(request.metric())
                && blank(request.kind())) {
            problems.add(new FieldProblem("$", "needs at least one matcher: account_id, adset_id, metric or kind"));
        }
        if (!blank(request.metric())) {
            List<String> known = new ArrayList<>(
                    Arrays.stream(Metric.values()).map(Metric::wireName).toList());
            known.add("meta_token");
            if (!known.contains(request.metric().strip().toLowerCase(Locale.ROOT))) {
                problems.add(
                        new FieldProblem("metric", "must be one of " + known + ", was '" + request.metric() + "'"));
            }
        }
        if (!blank(request.kind())) {
            List<String> known = new ArrayList<>(Arrays.stream(AnomalyKind.values())
                    .map(AnomalyKind::wireName)
                    .toList());
            known.add(AlertService.TOKEN_KIND);
            if (!known.contains(request.kind().strip().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem("kind", "must be one of " + known + ", was '" + request.kind() + "'"));
            }
        }
        if (blank(request.comment())) {
            problems.add(new FieldProblem("comment", "is required: say why the alerts are silenced"));
        } else if (request.comment().length() > 1000) {
            problems.add(new FieldProblem("comment", "at most 1000 characters"));
        }
        OffsetDateTime ends = request.endsAt();
        if (ends != null && request.duration() != null) {
            problems.add(new FieldProblem("duration", "give ends_at or duration, not both"));
        } else if (ends == null && request.duration() == null) {
            problems.add(new FieldProblem("ends_at", "is required (or give duration, e.g. 24h)"));
        } else if (ends == null) {
            Duration d = duration(request.duration());
            if (d == null || d.isNegative() || d.isZero()) {
                problems.add(new FieldProblem(
                        "duration",
                        "must be a positive duration such as 24h, 7d or PT12H, was '" + request.duration() + "'"));
            } else {
                ends = now.plus(d);
            }
        }
        if (ends != null && !ends.isAfter(now)) {
            problems.add(new FieldProblem("ends_at", "must be in the future, was " + ends));
        } else if (ends != null && ends.isAfter(now.plus(MAX_SILENCE))) {
            problems.add(new FieldProblem(request.endsAt() != null ? "ends_at" : "duration", "at most 366 days ahead"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var s = alerts.silence(
                new SilenceMatchers(
                        trim(request.accountId()),
                        trim(request.adsetId()),
                        lower(request.metric()),
                        lower(request.kind())),
                request.comment(),
                trim(request.createdBy()),
                ends);
        return ResponseEntity.status(HttpStatus.CREATED).body(AlertResponses.SilenceBody.of(s, now()));
    }

    @DeleteMapping(value = "/api/v1/alerts/silences/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Expire a silence now", description = "It stays listed with all=true. 404 when unknown.")
    AlertResponses.SilenceBody expire(@PathVariable("id") String id) {
        return AlertResponses.SilenceBody.of(alerts.expire(id), now());
    }

    @GetMapping(value = "/api/v1/alerts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One alert", description = "404 when unknown.")
    AlertResponses.AlertBody alert(@PathVariable("id") String id) {
        return AlertResponses.AlertBody.of(alerts.find(id));
    }

    @PostMapping(value = "/api/v1/alerts/{id}/ack", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Acknowledge an alert",
            description = "It stays open and resolves as usual but is not notified again. Optional body "
                    + "{\"by\": \"…\"}. 404 when unknown, 409 when already resolved.")
    AlertResponses.AlertBody acknowledge(
            @PathVariable("id") String id, @RequestBody(required = false) AlertResponses.AckRequest request) {
        return AlertResponses.AlertBody.of(alerts.acknowledge(id, request == null ? null : trim(request.by())));
    }

    @PostMapping(value = "/api/v1/alerts/scan", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Scan an account now",
            description = "Detects anomalies in the lookback window (ALERTS_LOOKBACK_DAYS) up to the newest stored "
                    + "day, updates the account's alerts and sends at most one alert.firing and one alert.resolved "
                    + "event. 404 when the account is unknown.")
    ScanResult scan(@RequestParam(name = "account_id", required = false) String accountId) {
        if (blank(accountId)) {
            throw new InvalidInputException("account_id", "is required");
        }
        store.requireAccount(accountId);
        return alerts.scan(accountId);
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> null;
            };
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String lower(String s) {
        return blank(s) ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
