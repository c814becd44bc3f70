package io.metasystem.mlcore.reporting.model;

/**
 * The days an artist's metric is explained on, oldest first.
 *
 * @param metric    the platform metric per day (streams, followers gained, views, subscribers gained); NaN where the
 *                  day is not observed (also for leading days that only warm up the adstock)
 * @param spend     Meta spend per day, account currency, >= 0, same length
 * @param dayOfWeek day of week of each day, 0 (Monday) to 6
 * @param events    indices of known events (may be negative: before the first day)
 * @param seed      seed of the posterior draws
 */
public record LagInput(double[] metric, double[] spend, int[] dayOfWeek, int[] events, long seed) {
    public LagInput {
        if (metric.length != spend.length || metric.length != dayOfWeek.length) {
            throw new IllegalArgumentException("metric, spend and dayOfWeek must have the same length");
        }
        for (double s : spend) {
            if (!(s >= 0)) {
                throw new IllegalArgumentException("spend must be >= 0, got " + s);
            }
        }
    }
}
