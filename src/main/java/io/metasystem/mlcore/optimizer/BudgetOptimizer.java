package io.metasystem.mlcore.optimizer;

/**
 * Entry point of the allocation engine: pure, deterministic given {@link OptimizationProblem#seed()}.
 * Stateless and thread-safe. See {@code docs/optimization-mandate.md} for the model.
 */
public final class BudgetOptimizer {
    /** Bumped whenever the same problem can produce a different result. */
    public static final String VERSION = "0.3.0";
    /** Short name of the method, reported in {@link OptimizationResult#method()}. */
    public static final String METHOD = "gamma-poisson/power-curve/water-filling/thompson";

    private final OptimizerSettings settings;

    public BudgetOptimizer() {
        this(OptimizerSettings.DEFAULT);
    }

    public BudgetOptimizer(OptimizerSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    public OptimizerSettings settings() {
        return settings;
    }

    /**
     * @param problem a validated problem (the records validate themselves)
     * @return one recommendation per ad set, in input order
     * @throws InfeasibleBudgetException when the constraints cannot all hold, with its {@link
     *     InfeasibleBudgetException#report()} (binding constraints and the smallest fixing changes)
     * @throws InvalidProblemException   when the problem is malformed
     */
    public OptimizationResult optimize(OptimizationProblem problem) {
        if (problem == null) {
            throw new InvalidProblemException("problem", "is required");
        }
        try {
            return new OptimizationRun(problem, settings).execute();
        } catch (InfeasibleBudgetException e) {
            if (e.report() != null) {
                throw e;
            }
            throw e.withReport(Feasibility.diagnose(problem));
        }
    }
}
