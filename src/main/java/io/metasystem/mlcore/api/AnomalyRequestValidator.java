package io.metasystem.mlcore.api;

import io.metasystem.mlcore.alerts.detect.DayRow;
import io.metasystem.mlcore.alerts.detect.DetectionSettings;
import io.metasystem.mlcore.alerts.detect.Metric;
import io.metasystem.mlcore.alerts.detect.Sensitivity;
import io.metasystem.mlcore.alerts.detect.SeriesInput;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks an {@link AnomalyRequest} completely, with the rules and messages of optimize's validator (JSON paths such
 * as {@code adsets[2].daily[5].clicks}; unsorted or duplicate dates name the row), and converts it to detector input.
 */
final class AnomalyRequestValidator {
    static final int MAX_ADSETS = 10_000;
    static final int MAX_DAILY_ROWS = 366;
    private static final int MAX_ERRORS = 100;

    private final List<FieldProblem> errors = new ArrayList<>();

    private AnomalyRequestValidator() {}

    /** The request as detector input and settings. */
    record Checked(List<SeriesInput> series, DetectionSettings settings) {}

    /** @throws InvalidInputException listing every invalid field (at most 100) */
    static Checked check(AnomalyRequest request) {
        AnomalyRequestValidator v = new AnomalyRequestValidator();
        if (request == null) {
            throw new InvalidInputException("$", "required JSON body is missing");
        }
        Set<Metric> metrics = v.metrics(request.metrics());
        Sensitivity sensitivity = v.sensitivity("sensitivity", request.sensitivity());
        v.adsets(request.adsets());
        if (!v.errors.isEmpty()) {
            throw new InvalidInputException(v.errors.subList(0, Math.min(MAX_ERRORS, v.errors.size())));
        }
        List<SeriesInput> series = new ArrayList<>();
        for (AnomalyRequest.AdSet a : request.adsets()) {
            List<DayRow> rows = new ArrayList<>();
            for (OptimizeRequest.Daily d : a.daily() == null ? List.<OptimizeRequest.Daily>of() : a.daily()) {
                rows.add(new DayRow(d.date(), d.spend(), d.impressions(), d.clicks(), d.conversions(), d.revenue()));
            }
            boolean active = a.status() == null || a.status().equalsIgnoreCase("ACTIVE");
            series.add(new SeriesInput(a.id(), a.name(), active, a.dailyBudget(), rows));
        }
        return new Checked(series, new DetectionSettings(sensitivity, metrics, request.from(), null, 0.9));
    }

    /** @return the sensitivity, medium when absent; adds a problem naming {@code field} when invalid */
    static Sensitivity sensitivity(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Sensitivity.MEDIUM;
        }
        try {
            return Sensitivity.fromWire(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of [low, medium, high], was '" + value + "'"));
            return Sensitivity.MEDIUM;
        }
    }

    /** @return the metrics, the defaults when none are named; adds a problem per unknown name */
    static Set<Metric> metrics(String field, List<String> names, boolean indexed, List<FieldProblem> problems) {
        if (names == null || names.isEmpty()) {
            return Metric.defaults();
        }
        Set<Metric> out = EnumSet.noneOf(Metric.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                out.add(Metric.fromWire(name == null ? "" : name.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(
                        indexed ? field + "[" + i + "]" : field,
                        "must be one of "
                                + Arrays.stream(Metric.values())
                                        .map(Metric::wireName)
                                        .toList() + ", was '" + name + "'"));
            }
        }
        return out.isEmpty() ? Metric.defaults() : out;
    }

    private Sensitivity sensitivity(String field, String value) {
        return sensitivity(field, value, errors);
    }

    private Set<Metric> metrics(List<String> names) {
        return metrics("metrics", names, true, errors);
    }

    private void adsets(List<AnomalyRequest.AdSet> adsets) {
        if (adsets == null || adsets.isEmpty()) {
            error("adsets", "must contain at least one ad set");
            return;
        }
        if (adsets.size() > MAX_ADSETS) {
            error("adsets", "at most " + MAX_ADSETS + " ad sets per request, got " + adsets.size());
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < adsets.size(); i++) {
            String path = "adsets[" + i + "]";
            AnomalyRequest.AdSet a = adsets.get(i);
            if (a == null) {
                error(path, "must be an object");
                continue;
            }
            if (a.id() == null || a.id().isBlank()) {
                error(path + ".id", "is required");
            } else {
                Integer first = seen.putIfAbsent(a.id(), i);
                if (first != null) {
                    error(path + ".id", "duplicate id '" + a.id() + "' (also adsets[" + first + "])");
                }
            }
            if (a.status() != null
                    && !Set.of("ACTIVE", "PAUSED").contains(a.status().toUpperCase(Locale.ROOT))) {
                error(path + ".status", "must be one of [ACTIVE, PAUSED], was '" + a.status() + "'");
            }
            nonNegative(path + ".daily_budget", a.dailyBudget(), false);
            if (a.daily() != null) {
                daily(path + ".daily", a.daily());
            }
        }
    }

    private void daily(String path, List<OptimizeRequest.Daily> daily) {
        if (daily.size() > MAX_DAILY_ROWS) {
            error(path, "at most " + MAX_DAILY_ROWS + " daily rows per ad set, got " + daily.size());
            return;
        }
        Set<LocalDate> dates = new HashSet<>();
        LocalDate previous = null;
        for (int d = 0; d < daily.size(); d++) {
            String row = path + "[" + d + "]";
            OptimizeRequest.Daily day = daily.get(d);
            if (day == null) {
                error(row, "must be an object");
                continue;
            }
            if (day.date() == null) {
                error(row + ".date", "is required");
            } else {
                if (!dates.add(day.date())) {
                    error(row + ".date", "duplicate date " + day.date());
                } else if (previous != null && day.date().isBefore(previous)) {
                    error(row + ".date", "dates must be in increasing order, " + day.date() + " follows " + previous);
                }
                previous = day.date();
            }
            nonNegative(row + ".spend", day.spend(), true);
            boolean impressions = nonNegative(row + ".impressions", day.impressions(), false);
            boolean clicks = nonNegative(row + ".clicks", day.clicks(), false);
            boolean conversions = nonNegative(row + ".conversions", day.conversions(), true);
            nonNegative(row + ".revenue", day.revenue(), false);
            if (impressions && clicks && day.clicks() > day.impressions()) {
                error(
                        row + ".clicks",
                        "clicks (" + day.clicks() + ") cannot exceed impressions (" + day.impressions() + ")");
            }
            if (clicks && conversions && day.conversions() > day.clicks()) {
                error(
                        row + ".conversions",
                        "conversions (" + day.conversions() + ") cannot exceed clicks (" + day.clicks() + ")");
            }
        }
    }

    private boolean nonNegative(String field, Double value, boolean required) {
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return false;
        }
        if (!Double.isFinite(value)) {
            error(field, "must be a finite number, was " + value);
            return false;
        }
        if (value < 0) {
            error(field, "must be >= 0, was " + value);
            return false;
        }
        return true;
    }

    private void error(String field, String message) {
        errors.add(new FieldProblem(field, message));
    }
}
