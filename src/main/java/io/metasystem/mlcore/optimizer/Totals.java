package io.metasystem.mlcore.optimizer;

/**
 * Lifetime (or window) totals of an ad set when no daily breakdown is available. Same units as
 * {@link DailyMetrics}; nullable fields are unknown rather than zero.
 */
public record Totals(double spend, Double impressions, Double clicks, double conversions, Double revenue) {
    public Totals {
        Checks.nonNegative("spend", spend);
        Checks.nonNegativeOrNull("impressions", impressions);
        Checks.nonNegativeOrNull("clicks", clicks);
        Checks.nonNegative("conversions", conversions);
        Checks.nonNegativeOrNull("revenue", revenue);
    }
}
