package io.metasystem.mlcore.optimizer;

/**
 * A well-formed problem whose constraints cannot all hold, e.g. {@code n × min_per_adset > total}.
 * {@link #constraint()} names the rule that breaks and {@link #shortfall()} says by how much (currency per day).
 */
public final class InfeasibleBudgetException extends RuntimeException {
    private final String constraint;
    private final double shortfall;

    public InfeasibleBudgetException(String constraint, double shortfall, String message) {
        super(message);
        this.constraint = constraint;
        this.shortfall = shortfall;
    }

    /** Field path of the constraint that cannot be met, e.g. {@code budget.min_per_adset}. */
    public String constraint() {
        return constraint;
    }

    /** How far the constraints are from feasible, in currency per day (always &gt; 0). */
    public double shortfall() {
        return shortfall;
    }
}
