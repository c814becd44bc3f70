package io.metasystem.mlcore.reporting.model;

/**
 * A posterior summary.
 *
 * @param mean   posterior mean
 * @param median posterior median
 * @param lower  5 % quantile (lower end of the 90 % credible interval)
 * @param upper  95 % quantile
 */
public record Estimate(double mean, double median, double lower, double upper) {
    /** @return whether the 90 % interval holds {@code value} */
    public boolean covers(double value) {
        return lower <= value && value <= upper;
    }
}
