package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.optimizer.BudgetRules;
import io.metasystem.mlcore.optimizer.EarlyStopRules;
import io.metasystem.mlcore.optimizer.Objective;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.Targets;

/**
 * Everything of an optimization problem except its ad sets, already validated and with the documented defaults
 * applied.
 *
 * @param objective what to maximise; never null
 * @param budget the budget rules, in currency per day; never null
 * @param targets CPA/ROAS targets; never null ({@link Targets#NONE})
 * @param earlyStop early-stop rules; never null
 * @param riskAversion weight of the standard-deviation penalty, &ge; 0
 * @param halfLifeDays half-life of past evidence in days, &gt; 0
 * @param currency ISO 4217 code of every amount; null: the account's currency (history) or none (stateless)
 * @param seed seed of every random draw; null: derived from the request ({@link Recommender#seed})
 */
public record OptimizeSettings(
        Objective objective,
        BudgetRules budget,
        Targets targets,
        EarlyStopRules earlyStop,
        double riskAversion,
        double halfLifeDays,
        String currency,
        Long seed) {

    /**
     * Settings with the documented defaults for everything but the objective, the budget rules and the targets:
     * the default early-stop rules, no risk penalty, a half-life of
     * {@value OptimizationProblem#DEFAULT_HALF_LIFE_DAYS} days, the account's currency and the derived seed.
     */
    public static OptimizeSettings withDefaults(Objective objective, BudgetRules budget, Targets targets) {
        return new OptimizeSettings(
                objective,
                budget,
                targets,
                EarlyStopRules.DEFAULT,
                0,
                OptimizationProblem.DEFAULT_HALF_LIFE_DAYS,
                null,
                null);
    }
}
