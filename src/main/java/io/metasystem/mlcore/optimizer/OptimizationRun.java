package io.metasystem.mlcore.optimizer;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One execution of the pipeline: {@link Evidence} → {@link SaturationFits} → {@link PooledPosteriors} →
 * {@link BudgetBounds} → {@link EarlyStopping} → {@link ExplorationMix} (water-filling + Thompson, cent rounding)
 * → {@link MonteCarloSummaries} → {@link ResultAssembly} (with {@link Explanations}). Ad sets are processed in id
 * order so that every floating-point sum is independent of the input order. Not thread-safe; create one per call.
 */
final class OptimizationRun {
    private final RunContext ctx;
    private final AdSetState[] arms;

    OptimizationRun(OptimizationProblem p, OptimizerSettings cfg) {
        this.ctx = new RunContext(p, cfg);
        int n = ctx.n;
        arms = new AdSetState[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            arms[i] = new AdSetState(p.adSets().get(i), i);
            sorted &= i == 0 || arms[i - 1].in.id().compareTo(arms[i].in.id()) <= 0;
        }
        if (!sorted) {
            Arrays.sort(arms, Comparator.comparing((AdSetState a) -> a.in.id()));
        }
    }

    OptimizationResult execute() {
        BudgetBounds.validateRules(ctx.p.budget());
        Evidence.build(ctx, arms);
        SaturationFits.estimate(ctx, arms);
        PooledPosteriors.build(ctx, arms);
        BudgetBounds.compute(ctx, arms);
        EarlyStopping.apply(ctx, arms);
        ExplorationMix.allocate(ctx, arms);
        MonteCarloSummaries.summarise(ctx, arms);
        return ResultAssembly.assemble(ctx, arms);
    }
}
