package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an {@link OptimizeRequest} completely before any maths runs, collecting every problem with its JSON path,
 * so a caller fixes all of them in one round trip.
 */
final class OptimizeRequestValidator {
    static final int MAX_ADSETS = 10_000;
    static final int MAX_DAILY_ROWS = 366;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ERRORS = 100;

    private final List<FieldProblem> errors = new ArrayList<>();

    private OptimizeRequestValidator() {}

    /** @throws InvalidInputException listing every invalid field (at most 100) */
    static void validate(OptimizeRequest request) {
        OptimizeRequestValidator v = new OptimizeRequestValidator();
        v.checkSettings(request);
        v.checkAdSets(request.adsets());
        v.fail();
    }

    /**
     * Checks everything but the ad sets (an optimization on stored history brings its own).
     *
     * @throws InvalidInputException listing every invalid field (at most 100)
     */
    static void validateSettings(OptimizeRequest request) {
        OptimizeRequestValidator v = new OptimizeRequestValidator();
        v.checkSettings(request);
        v.fail();
    }

    private void fail() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
        }
    }

    private void checkSettings(OptimizeRequest r) {
        if (r.objective() != null
                && !Set.of("conversions", "revenue").contains(r.objective().toLowerCase(Locale.ROOT))) {
            error("objective", "must be one of [conversions, revenue], was '" + r.objective() + "'");
        }
        if (r.currency() != null && !CURRENCY.matcher(r.currency()).matches()) {
            error("currency", "must be a 3-letter ISO 4217 code such as EUR, was '" + r.currency() + "'");
        }
        checkBudget(r.budget());
        if (r.targets() != null) {
            positive("targets.cpa", r.targets().cpa(), false);
            positive("targets.roas", r.targets().roas(), false);
        }
        nonNegative("risk_aversion", r.riskAversion(), false);
        positive("half_life_days", r.halfLifeDays(), false);
        if (r.earlyStop() != null) {
            Double confidence = r.earlyStop().confidence();
            if (finite("early_stop.confidence", confidence, false) && !(confidence > 0.5 && confidence < 1)) {
                error("early_stop.confidence", "must be in (0.5, 1), was " + confidence);
            }
            nonNegative("early_stop.min_spend_multiple", r.earlyStop().minSpendMultiple(), false);
        }
    }

    private void checkBudget(OptimizeRequest.Budget b) {
        if (b == null) {
            error("budget", "is required");
            return;
        }
        positive("budget.total", b.total(), true);
        nonNegative("budget.min_per_adset", b.minPerAdset(), false);
        positive("budget.max_per_adset", b.maxPerAdset(), false);
        nonNegative("budget.max_change_ratio", b.maxChangeRatio(), false);
        if (nonNegative("budget.exploration_share", b.explorationShare(), false) && b.explorationShare() > 1) {
            error("budget.exploration_share", "must be at most 1, was " + b.explorationShare());
        }
    }

    private void checkAdSets(List<OptimizeRequest.AdSet> adsets) {
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
            OptimizeRequest.AdSet a = adsets.get(i);
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
            nonNegative(path + ".current_budget", a.currentBudget(), false);
            if (a.metrics() != null) {
                OptimizeRequest.Metrics m = a.metrics();
                checkCounts(path + ".metrics", m.spend(), m.impressions(), m.clicks(), m.conversions(), m.revenue());
            }
            if (a.daily() != null) {
                checkDaily(path + ".daily", a.daily());
            }
            if (a.prior() != null) {
                checkPrior(path + ".prior", a.prior());
            }
        }
    }

    private void checkDaily(String path, List<OptimizeRequest.Daily> daily) {
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
            checkCounts(row, day.spend(), day.impressions(), day.clicks(), day.conversions(), day.revenue());
        }
    }

    private void checkCounts(
            String path, Double spend, Double impressions, Double clicks, Double conversions, Double revenue) {
        nonNegative(path + ".spend", spend, true);
        boolean hasImpressions = nonNegative(path + ".impressions", impressions, false);
        boolean hasClicks = nonNegative(path + ".clicks", clicks, false);
        boolean hasConversions = nonNegative(path + ".conversions", conversions, true);
        nonNegative(path + ".revenue", revenue, false);
        if (hasImpressions && hasClicks && clicks > impressions) {
            error(path + ".clicks", "clicks (" + clicks + ") cannot exceed impressions (" + impressions + ")");
        }
        if (hasClicks && hasConversions && conversions > clicks) {
            error(path + ".conversions", "conversions (" + conversions + ") cannot exceed clicks (" + clicks + ")");
        }
    }

    private void checkPrior(String path, OptimizeRequest.Prior p) {
        boolean any = positive(path + ".cpa", p.cpa(), false)
                | positive(path + ".cvr", p.cvr(), false)
                | positive(path + ".roas", p.roas(), false);
        if (p.cvr() != null && Double.isFinite(p.cvr()) && p.cvr() > 1) {
            error(path + ".cvr", "must be at most 1, was " + p.cvr());
        }
        if (!any && p.cpa() == null && p.cvr() == null && p.roas() == null) {
            error(path, "needs at least one of cpa, cvr or roas");
        }
        positive(path + ".weight", p.weight(), true);
    }

    /** @return true when the value is present and finite */
    private boolean finite(String field, Double value, boolean required) {
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
        return true;
    }

    private boolean nonNegative(String field, Double value, boolean required) {
        if (!finite(field, value, required)) {
            return false;
        }
        if (value < 0) {
            error(field, "must be >= 0, was " + value);
            return false;
        }
        return true;
    }

    private boolean positive(String field, Double value, boolean required) {
        if (!finite(field, value, required)) {
            return false;
        }
        if (value <= 0) {
            error(field, "must be > 0, was " + value);
            return false;
        }
        return true;
    }

    private void error(String field, String message) {
        errors.add(new FieldProblem(field, message));
    }
}
