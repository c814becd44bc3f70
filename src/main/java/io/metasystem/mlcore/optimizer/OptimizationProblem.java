package io.metasystem.mlcore.optimizer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One allocation request: distribute {@code budget.total} per day over {@code adSets}.
 *
 * @param objective    what to maximise
 * @param currency     ISO 4217 code, only echoed in explanations
 * @param budget       budget and constraints
 * @param targets      target CPA / ROAS, never null (use {@link Targets#NONE})
 * @param riskAversion weight λ &ge; 0 of the standard-deviation penalty in the objective
 * @param earlyStop    early-stop rules, never null
 * @param halfLifeDays half-life of the exponential decay of past days' evidence, &gt; 0
 * @param seed         seed of every random draw: same problem and seed, same result
 * @param adSets       at least one, unique ids
 */
public record OptimizationProblem(
        Objective objective,
        String currency,
        BudgetRules budget,
        Targets targets,
        double riskAversion,
        EarlyStopRules earlyStop,
        double halfLifeDays,
        long seed,
        List<AdSetInput> adSets) {
    public static final double DEFAULT_HALF_LIFE_DAYS = 7.0;

    public OptimizationProblem {
        if (objective == null) {
            throw new InvalidProblemException("objective", "is required");
        }
        if (budget == null) {
            throw new InvalidProblemException("budget", "is required");
        }
        targets = targets == null ? Targets.NONE : targets;
        earlyStop = earlyStop == null ? EarlyStopRules.DEFAULT : earlyStop;
        Checks.nonNegative("risk_aversion", riskAversion);
        Checks.positive("half_life_days", halfLifeDays);
        if (adSets == null || adSets.isEmpty()) {
            throw new InvalidProblemException("adsets", "must contain at least one ad set");
        }
        adSets = List.copyOf(adSets);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < adSets.size(); i++) {
            if (!ids.add(adSets.get(i).id())) {
                throw new InvalidProblemException(
                        "adsets[" + i + "].id", "duplicate id '" + adSets.get(i).id() + "'");
            }
        }
    }
}
