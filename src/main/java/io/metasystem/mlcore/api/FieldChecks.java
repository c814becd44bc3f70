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

/**
 * The field rules the request validators share (optimize, anomaly detection): numbers finite and in range, the
 * list of ad sets (present, at most {@link #MAX_ADSETS}, unique ids, status ACTIVE or PAUSED) and their daily rows
 * (at most {@link #MAX_DAILY_ROWS}, dates present, unique and increasing, counts non-negative, clicks ≤ impressions,
 * conversions ≤ clicks). Collects every problem with its JSON path instead of stopping at the first; one instance
 * per request, not thread-safe.
 */
final class FieldChecks {
    static final int MAX_ADSETS = 10_000;
    /**
     * Largest amount of money per day (spend, revenue, budgets, CPA) in the account currency: 1e9, so that every
     * product the optimizer and the store form stays inside the store's {@code numeric(18, 4)} columns.
     */
    static final double MAX_MONEY_PER_DAY = 1e9;
    /** Largest money total over a window ({@code metrics}): 1e12 (at most 366 days of {@link #MAX_MONEY_PER_DAY}). */
    static final double MAX_MONEY_TOTAL = 1e12;
    /** Largest count (impressions, clicks, conversions, per day or per window): 1e12. */
    static final double MAX_COUNT = 1e12;
    /** Largest ratio or weight (ROAS, risk aversion, prior weight, change ratio, spend multiple): 1e6. */
    static final double MAX_RATIO = 1e6;
    /** Smallest magnitude of a non-zero number: below it (subnormals, 1e-21) products and quantiles degenerate. */
    static final double MIN_MAGNITUDE = 1e-6;

    static final int MAX_DAILY_ROWS = 366;
    private static final int MAX_ERRORS = 100;
    private static final Set<String> STATUSES = Set.of("ACTIVE", "PAUSED");

    private final List<FieldProblem> errors = new ArrayList<>();
    private final Map<String, Integer> adSetIds = new HashMap<>();

    /** @throws InvalidInputException listing every problem found so far (at most 100), if any */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
        }
    }

    /** @return the problems collected so far, in order; helpers that take a problem list may add to it */
    List<FieldProblem> problems() {
        return errors;
    }

    void error(String field, String message) {
        errors.add(new FieldProblem(field, message));
    }

    /** @return true when {@code adsets} is non-empty and within the limit, so its elements can be checked */
    boolean adSetList(List<?> adsets) {
        if (adsets == null || adsets.isEmpty()) {
            error("adsets", "must contain at least one ad set");
            return false;
        }
        if (adsets.size() > MAX_ADSETS) {
            error("adsets", "at most " + MAX_ADSETS + " ad sets per request, got " + adsets.size());
            return false;
        }
        return true;
    }

    /**
     * Checks the id (required, unique within the request) and the status of {@code adsets[index]}.
     *
     * @param adSet the element, null when the JSON held null
     * @return false when the element is null (nothing more to check)
     */
    boolean adSetIdentity(int index, Object adSet, String id, String status) {
        String path = "adsets[" + index + "]";
        if (adSet == null) {
            error(path, "must be an object");
            return false;
        }
        if (id == null || id.isBlank()) {
            error(path + ".id", "is required");
        } else {
            Integer first = adSetIds.putIfAbsent(id, index);
            if (first != null) {
                error(path + ".id", "duplicate id '" + id + "' (also adsets[" + first + "])");
            }
        }
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            error(path + ".status", "must be one of [ACTIVE, PAUSED], was '" + status + "'");
        }
        return true;
    }

    /**
     * Checks the daily rows at {@code path}: count, dates, and each row's counts. A row's field paths
     * ({@code path[d].spend}, …) are only built for a problem found: the rows are the bulk of a request.
     */
    void daily(String path, List<OptimizeRequest.Daily> daily) {
        if (daily.size() > MAX_DAILY_ROWS) {
            error(path, "at most " + MAX_DAILY_ROWS + " daily rows per ad set, got " + daily.size());
            return;
        }
        Set<LocalDate> dates = new HashSet<>();
        LocalDate previous = null;
        for (int d = 0; d < daily.size(); d++) {
            OptimizeRequest.Daily day = daily.get(d);
            if (day == null) {
                error(field(path, d, ""), "must be an object");
                continue;
            }
            if (day.date() == null) {
                error(field(path, d, ".date"), "is required");
            } else {
                if (!dates.add(day.date())) {
                    error(field(path, d, ".date"), "duplicate date " + day.date());
                } else if (previous != null && day.date().isBefore(previous)) {
                    error(
                            field(path, d, ".date"),
                            "dates must be in increasing order, " + day.date() + " follows " + previous);
                }
                previous = day.date();
            }
            counts(
                    path,
                    d,
                    day.spend(),
                    day.impressions(),
                    day.clicks(),
                    day.conversions(),
                    day.revenue(),
                    MAX_MONEY_PER_DAY);
        }
    }

    /**
     * Spend and conversions required, all non-negative and bounded (money by {@code moneyLimit}, counts by
     * {@link #MAX_COUNT}), clicks ≤ impressions and conversions ≤ clicks.
     */
    void counts(
            String path,
            Double spend,
            Double impressions,
            Double clicks,
            Double conversions,
            Double revenue,
            double moneyLimit) {
        counts(path, -1, spend, impressions, clicks, conversions, revenue, moneyLimit);
    }

    /** As {@link #counts(String, Double, Double, Double, Double, Double, double)} for {@code path[index]}. */
    private void counts(
            String path,
            int index,
            Double spend,
            Double impressions,
            Double clicks,
            Double conversions,
            Double revenue,
            double moneyLimit) {
        nonNegative(path, index, ".spend", spend, true, moneyLimit);
        boolean hasImpressions = nonNegative(path, index, ".impressions", impressions, false, MAX_COUNT);
        boolean hasClicks = nonNegative(path, index, ".clicks", clicks, false, MAX_COUNT);
        boolean hasConversions = nonNegative(path, index, ".conversions", conversions, true, MAX_COUNT);
        nonNegative(path, index, ".revenue", revenue, false, moneyLimit);
        if (hasImpressions && hasClicks && clicks > impressions) {
            error(
                    field(path, index, ".clicks"),
                    "clicks (" + clicks + ") cannot exceed impressions (" + impressions + ")");
        }
        if (hasClicks && hasConversions && conversions > clicks) {
            error(
                    field(path, index, ".conversions"),
                    "conversions (" + conversions + ") cannot exceed clicks (" + clicks + ")");
        }
    }

    /** The JSON path {@code path[index]leaf}, or {@code pathleaf} for a negative index. */
    private static String field(String path, int index, String leaf) {
        return index < 0 ? path + leaf : path + "[" + index + "]" + leaf;
    }

    /** @return true when the value is present and finite */
    boolean finite(String field, Double value, boolean required) {
        return finite(field, -1, "", value, required);
    }

    /** As {@link #finite(String, Double, boolean)} for the field {@link #field(String, int, String)}. */
    private boolean finite(String path, int index, String leaf, Double value, boolean required) {
        if (value == null) {
            if (required) {
                error(field(path, index, leaf), "is required");
            }
            return false;
        }
        if (!Double.isFinite(value)) {
            error(field(path, index, leaf), "must be a finite number, was " + value);
            return false;
        }
        return true;
    }

    /** @return true when the value is present, finite, at least 0 and at most {@code max} */
    boolean nonNegative(String field, Double value, boolean required, double max) {
        return nonNegative(field, -1, "", value, required, max);
    }

    /** As {@link #nonNegative(String, Double, boolean, double)} for the field {@link #field(String, int, String)}. */
    private boolean nonNegative(String path, int index, String leaf, Double value, boolean required, double max) {
        if (!finite(path, index, leaf, value, required)) {
            return false;
        }
        if (value < 0) {
            error(field(path, index, leaf), "must be >= 0, was " + value);
            return false;
        }
        if (value > 0 && value < MIN_MAGNITUDE) {
            error(
                    field(path, index, leaf),
                    "must be 0 or at least " + MIN_MAGNITUDE + " (docs/api.md, limits), was " + value);
            return false;
        }
        return atMost(path, index, leaf, value, max);
    }

    /** @return true when the value is present, finite, above 0 and at most {@code max} */
    boolean positive(String field, Double value, boolean required, double max) {
        if (!finite(field, value, required)) {
            return false;
        }
        if (value <= 0) {
            error(field, "must be > 0, was " + value);
            return false;
        }
        if (value < MIN_MAGNITUDE) {
            error(field, "must be at least " + MIN_MAGNITUDE + " (docs/api.md, limits), was " + value);
            return false;
        }
        return atMost(field, -1, "", value, max);
    }

    private boolean atMost(String path, int index, String leaf, double value, double max) {
        if (value > max) {
            error(field(path, index, leaf), "must be at most " + limit(max) + " (docs/api.md, limits), was " + value);
            return false;
        }
        return true;
    }

    /** {@code 1e9} rather than {@code 1.0E9}: the limits as docs/api.md writes them. */
    static String limit(double max) {
        int exponent = (int) Math.round(Math.log10(max));
        return Math.pow(10, exponent) == max ? "1e" + exponent : Double.toString(max);
    }
}
