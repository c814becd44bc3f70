package io.metasystem.mlcore.optimizer;

/**
 * The diminishing-returns response curve of one ad set, E[conversions per day](b) = κ·r·(b/r)^θ: the posterior mean
 * conversions per unit of spend κ at the reference spend r of the run, bent by the saturation exponent θ (mandate
 * §4). The optimizer computes every expected-conversion figure with {@link #exposure}; pages draw the curve of a
 * stored recommendation with {@link #expectedConversions}.
 *
 * @param conversionsPerUnit κ ({@link PosteriorSummary#conversionsPerUnit()}), &ge; 0
 * @param saturationExponent θ in (0, 1] ({@link PosteriorSummary#saturationExponent()})
 * @param referenceSpend     r &gt; 0, currency per day: the run's total / number of active ad sets
 */
public record ResponseCurve(double conversionsPerUnit, double saturationExponent, double referenceSpend) {
    public ResponseCurve {
        if (!(conversionsPerUnit >= 0) || Double.isInfinite(conversionsPerUnit)) {
            throw new IllegalArgumentException("conversionsPerUnit must be finite and >= 0: " + conversionsPerUnit);
        }
        if (!(saturationExponent > 0 && saturationExponent <= 1)) {
            throw new IllegalArgumentException("saturationExponent must be in (0, 1]: " + saturationExponent);
        }
        if (!(referenceSpend > 0) || Double.isInfinite(referenceSpend)) {
            throw new IllegalArgumentException("referenceSpend must be finite and > 0: " + referenceSpend);
        }
    }

    /**
     * Posterior mean conversions per day at a daily budget.
     *
     * @param budget currency per day, &ge; 0 (0 or less gives 0)
     */
    public double expectedConversions(double budget) {
        return conversionsPerUnit * exposure(referenceSpend, saturationExponent, budget);
    }

    /**
     * Effective exposure r·(b/r)^θ of a daily budget on the reference curve (0 for a budget of 0 or less).
     *
     * @param r     reference spend, &gt; 0
     * @param theta saturation exponent θ
     * @param b     daily budget
     */
    static double exposure(double r, double theta, double b) {
        return b > 0 ? r * Math.exp(theta * Math.log(b / r)) : 0.0;
    }

    /**
     * The reference spend r of a run, recovered from one funded ad set of its answer: the r for which the curve of
     * (κ, θ) passes through (budget, expected conversions). r is the same for every ad set of a run, so one funded ad
     * set gives every ad set's curve, also of those recommended a pause. With θ = 1 the curve is linear and does
     * not depend on r; then {@code budget} is returned.
     *
     * @param budget              recommended budget of a funded ad set, &gt; 0
     * @param expectedConversions its expected conversions per day at that budget, &gt; 0
     * @throws IllegalArgumentException when the point cannot come from such a curve (non-positive inputs)
     */
    public static double referenceSpend(
            double conversionsPerUnit, double saturationExponent, double budget, double expectedConversions) {
        if (!(conversionsPerUnit > 0 && budget > 0 && expectedConversions > 0)
                || !(saturationExponent > 0 && saturationExponent <= 1)) {
            throw new IllegalArgumentException("no response curve passes through this point");
        }
        if (saturationExponent == 1.0) {
            return budget;
        }
        // conversions = κ·r^(1−θ)·b^θ  ⇒  r = (conversions / (κ·b^θ))^(1/(1−θ))
        double logR = (Math.log(expectedConversions / conversionsPerUnit) - saturationExponent * Math.log(budget))
                / (1 - saturationExponent);
        return Math.exp(logR);
    }
}
