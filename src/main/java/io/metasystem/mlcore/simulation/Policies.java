package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.Objective;

import java.util.List;

/** The standard line-up of a backtest. */
public final class Policies {
    private Policies() {}

    /** Reference policies, ceiling last: equal split, proportional, Meta rules, Thompson shares, clairvoyant. */
    public static List<Policy> references() {
        return List.of(
                new EqualSplitPolicy(),
                new ProportionalPolicy(),
                new MetaRulesPolicy(),
                new ThompsonSharesPolicy(),
                new ClairvoyantPolicy());
    }

    /** References plus {@link OptimizerPolicy} (first). */
    public static List<Policy> all() {
        return List.of(
                new OptimizerPolicy(),
                new EqualSplitPolicy(),
                new ProportionalPolicy(),
                new MetaRulesPolicy(),
                new ThompsonSharesPolicy(),
                new ClairvoyantPolicy());
    }

    /**
     * The line-up for {@code objective}: {@link #all()} for conversions; for revenue the optimizer asks for
     * {@link Objective#REVENUE} and Thompson shares weighs its draws by revenue per conversion (the other
     * references allocate as they do for conversions).
     */
    public static List<Policy> all(Objective objective) {
        if (objective != Objective.REVENUE) {
            return all();
        }
        return List.of(
                new OptimizerPolicy(Objective.REVENUE),
                new EqualSplitPolicy(),
                new ProportionalPolicy(),
                new MetaRulesPolicy(),
                new ThompsonSharesPolicy(true),
                new ClairvoyantPolicy());
    }

    /** True when {@link io.metasystem.mlcore.optimizer.BudgetOptimizer} answers a small problem (it is merged). */
    public static boolean optimizerAvailable() {
        MarketScenario s = new ScenarioGenerator().generate(0, 0);
        try {
            new Backtest(new ScenarioGenerator(), List.of(new OptimizerPolicy()), 1).run(new OptimizerPolicy(), s);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
