package io.metasystem.mlcore.api;

import io.metasystem.mlcore.alerts.detect.AccountTotal;
import io.metasystem.mlcore.alerts.detect.DayRow;
import io.metasystem.mlcore.alerts.detect.DetectionSettings;
import io.metasystem.mlcore.alerts.detect.Metric;
import io.metasystem.mlcore.alerts.detect.Sensitivity;
import io.metasystem.mlcore.alerts.detect.SeriesInput;
import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an {@link AnomalyRequest} completely, with the rules and messages of optimize's validator (JSON paths such
 * as {@code adsets[2].daily[5].clicks}; unsorted or duplicate dates name the row), and converts it to detector input.
 */
final class AnomalyRequestValidator {
    private final FieldChecks checks = new FieldChecks();

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
        boolean total = Boolean.TRUE.equals(request.accountTotal());
        if (total && request.adsets() != null) {
            for (int i = 0; i < request.adsets().size(); i++) {
                AnomalyRequest.AdSet a = request.adsets().get(i);
                if (a != null && AccountTotal.SERIES_ID.equals(a.id())) {
                    v.checks
                            .problems()
                            .add(new FieldProblem(
                                    "adsets[" + i + "].id",
                                    "'" + AccountTotal.SERIES_ID + "' names the account total; rename the ad set or "
                                            + "set account_total to false"));
                }
            }
        }
        v.checks.throwIfAny();
        List<SeriesInput> series = new ArrayList<>();
        for (AnomalyRequest.AdSet a : request.adsets()) {
            List<DayRow> rows = new ArrayList<>();
            for (OptimizeRequest.Daily d : a.daily() == null ? List.<OptimizeRequest.Daily>of() : a.daily()) {
                rows.add(new DayRow(d.date(), d.spend(), d.impressions(), d.clicks(), d.conversions(), d.revenue()));
            }
            boolean active = a.status() == null || a.status().equalsIgnoreCase("ACTIVE");
            series.add(new SeriesInput(a.id(), a.name(), active, a.dailyBudget(), rows));
        }
        SeriesInput sum = total ? AccountTotal.of(series) : null;
        if (sum != null) {
            series.add(sum);
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
        return sensitivity(field, value, checks.problems());
    }

    private Set<Metric> metrics(List<String> names) {
        return metrics("metrics", names, true, checks.problems());
    }

    private void adsets(List<AnomalyRequest.AdSet> adsets) {
        if (!checks.adSetList(adsets)) {
            return;
        }
        for (int i = 0; i < adsets.size(); i++) {
            AnomalyRequest.AdSet a = adsets.get(i);
            if (!checks.adSetIdentity(i, a, a == null ? null : a.id(), a == null ? null : a.status())) {
                continue;
            }
            checks.nonNegative("adsets[" + i + "].daily_budget", a.dailyBudget(), false, FieldChecks.MAX_MONEY_PER_DAY);
            if (a.daily() != null) {
                checks.daily("adsets[" + i + "].daily", a.daily());
            }
        }
    }
}
