package io.metasystem.mlcore.alerts.detect;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one ad set, as in the optimize request. Counts may be fractional (Meta reports modelled conversions);
 * the count methods round them.
 *
 * @param date        the day (required)
 * @param spend       account currency, &ge; 0
 * @param impressions nullable: unknown
 * @param clicks      nullable: unknown
 * @param conversions nullable: unknown
 * @param revenue     account currency, nullable: unknown
 */
public record DayRow(
        LocalDate date, double spend, Double impressions, Double clicks, Double conversions, Double revenue) {
    /** @throws IllegalArgumentException when the date is missing or a number is negative or not finite */
    public DayRow {
        Objects.requireNonNull(date, "date");
        check("spend", spend);
        if (impressions != null) {
            check("impressions", impressions);
        }
        if (clicks != null) {
            check("clicks", clicks);
        }
        if (conversions != null) {
            check("conversions", conversions);
        }
        if (revenue != null) {
            check("revenue", revenue);
        }
    }

    private static void check(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
        }
    }
}
