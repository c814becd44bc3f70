package io.metasystem.mlcore.optimizer;

/**
 * Business targets used by early stop and in explanations.
 *
 * @param cpa  target cost per conversion (currency), nullable
 * @param roas target revenue per unit of spend, nullable
 */
public record Targets(Double cpa, Double roas) {
    public static final Targets NONE = new Targets(null, null);

    public Targets {
        Checks.positiveOrNull("targets.cpa", cpa);
        Checks.positiveOrNull("targets.roas", roas);
    }
}
