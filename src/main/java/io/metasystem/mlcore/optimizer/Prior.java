package io.metasystem.mlcore.optimizer;

/**
 * Outside knowledge about an ad set (from an ML model or a human), worth {@code weight} pseudo-conversions.
 * At least one of {@code cpa}, {@code cvr}, {@code roas} is set.
 *
 * @param cpa    expected cost per conversion (currency), &gt; 0, nullable
 * @param cvr    expected conversions per click, in (0, 1], nullable
 * @param roas   expected revenue per unit of spend, &gt; 0, nullable
 * @param weight strength in pseudo-observations (conversions), &gt; 0
 * @param source free text naming where the prior came from (e.g. a model version), nullable
 */
public record Prior(Double cpa, Double cvr, Double roas, double weight, String source) {
    public Prior {
        Checks.positiveOrNull("cpa", cpa);
        Checks.positiveOrNull("cvr", cvr);
        Checks.positiveOrNull("roas", roas);
        Checks.positive("weight", weight);
        if (cvr != null && cvr > 1) {
            throw new InvalidProblemException("cvr", "must be at most 1, was " + cvr);
        }
        if (cpa == null && cvr == null && roas == null) {
            throw new InvalidProblemException("cpa", "a prior needs at least one of cpa, cvr or roas");
        }
    }
}
