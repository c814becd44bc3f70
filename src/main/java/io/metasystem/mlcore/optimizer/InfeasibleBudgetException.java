package io.metasystem.mlcore.optimizer;

/**
 * A well-formed problem whose constraints cannot all hold, e.g. {@code n × min_per_adset > total}.
 * {@link #constraint()} names the rule that breaks and {@link #shortfall()} says by how much (currency per day).
 */
public final class InfeasibleBudgetException extends RuntimeException {
    private final String constraint;
    private final double shortfall;
    private final transient FeasibilityReport report;

    public InfeasibleBudgetException(String constraint, double shortfall, String message) {
        this(constraint, shortfall, message, null);
    }

    private InfeasibleBudgetException(String constraint, double shortfall, String message, FeasibilityReport report) {
        super(message);
        this.constraint = constraint;
        this.shortfall = shortfall;
        this.report = report;
    }

    /** The same failure with the diagnosis of {@link Feasibility#diagnose}; the message gains its sentence. */
    public InfeasibleBudgetException withReport(FeasibilityReport diagnosis) {
        String message = diagnosis.sentence().isEmpty() ? getMessage() : getMessage() + ". " + diagnosis.sentence();
        return new InfeasibleBudgetException(constraint, shortfall, message, diagnosis);
    }

    /** Binding constraints and suggestions, null when the exception was not diagnosed. */
    public FeasibilityReport report() {
        return report;
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
