package io.metasystem.mlcore.optimizer;

/**
 * A problem that is malformed (not merely infeasible): a negative spend, a duplicated id, dates out of order.
 * The message names the field, as a JSON-style path such as {@code adsets[2].daily[0].clicks}.
 */
public final class InvalidProblemException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    /**
     * @param field JSON-style path of the offending field
     * @param reason what is wrong with it; the message is {@code field + ": " + reason}
     */
    public InvalidProblemException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** JSON-style path of the offending field, e.g. {@code budget.total}. */
    public String field() {
        return field;
    }

    /** What is wrong with {@link #field()}, without the field name. */
    public String reason() {
        return reason;
    }
}
