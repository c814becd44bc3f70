package io.metasystem.mlcore.optimizer;

/**
 * Entry point of the allocation engine: pure, deterministic given {@link OptimizationProblem#seed()}.
 * See {@code docs/optimization-mandate.md} for the model.
 */
public final class BudgetOptimizer {
    /** Bumped whenever the same problem can produce a different result. */
    public static final String VERSION = "0.1.0";

    /**
     * @throws InfeasibleBudgetException when the constraints cannot all hold
     * @throws InvalidProblemException   when the problem is malformed
     */
    public OptimizationResult optimize(OptimizationProblem problem) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
