package io.metasystem.mlcore.optimizer;

/**
 * The whole account at one daily total of a what-if sweep (mandate §5.2). Money in currency per day.
 *
 * @param total               the total tried
 * @param feasible            false when the request's rules cannot hold at this total (then the numbers are null)
 * @param expectedConversions posterior mean conversions per day of the best allocation at this total
 * @param conversionsInterval 90 % credible interval of the day's conversions
 * @param expectedValue       posterior mean revenue (objective revenue) or value (objective value) per day
 * @param expectedCpa         total / expected conversions
 * @param marginalCpa         cost of one more conversion for the whole account at this total: Δtotal / Δconversions
 *                            over ±1 % of the total (one-sided at a feasibility edge), null when it cannot be formed
 * @param detail              why the total is infeasible, null when feasible
 */
public record SweepPoint(
        double total,
        boolean feasible,
        Double expectedConversions,
        Interval conversionsInterval,
        Double expectedValue,
        Double expectedCpa,
        Double marginalCpa,
        String detail) {}
