package io.metasystem.mlcore.optimizer;

/**
 * A problem that is malformed (not merely infeasible): a negative spend, a duplicated id, dates out of order.
 * The message names the field, as a JSON-style path such as {@code adsets[2].daily[0].clicks}.
 */
public final class InvalidProblemException extends IllegalArgumentException {
    private final String field;

    public InvalidProblemException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** JSON-style path of the offending field, e.g. {@code budget.total}. */
    public String field() {
        return field;
    }
}
