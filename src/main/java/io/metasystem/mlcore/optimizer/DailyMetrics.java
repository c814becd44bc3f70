package io.metasystem.mlcore.optimizer;

import java.time.LocalDate;

/**
 * One day of an ad set's delivery. Money in the account currency; counts may be fractional
 * (attribution models report fractional conversions).
 *
 * @param date        the calendar day (account time zone)
 * @param spend       amount spent that day, &ge; 0
 * @param impressions impressions that day, &ge; 0, or {@code null} when unknown
 * @param clicks      clicks that day, &ge; 0, or {@code null} when unknown
 * @param conversions conversions of the optimised action that day, &ge; 0
 * @param revenue     conversion value that day, &ge; 0, or {@code null} when unknown
 */
public record DailyMetrics(
        LocalDate date, double spend, Double impressions, Double clicks, double conversions, Double revenue) {
    public DailyMetrics {
        if (date == null) {
            throw new InvalidProblemException("date", "is required");
        }
        Checks.nonNegative("spend", spend);
        Checks.nonNegativeOrNull("impressions", impressions);
        Checks.nonNegativeOrNull("clicks", clicks);
        Checks.nonNegative("conversions", conversions);
        Checks.nonNegativeOrNull("revenue", revenue);
    }
}
