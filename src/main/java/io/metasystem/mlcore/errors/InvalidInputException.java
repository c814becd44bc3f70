package io.metasystem.mlcore.errors;

import java.util.List;
import java.util.Map;

/**
 * Invalid input (400), with one {@link FieldProblem} per offending field. The detail is {@code "field: message"} for
 * one field and {@code "N fields are invalid; see errors."} for several (the API's 400 detail).
 */
public class InvalidInputException extends ProblemException {
    /**
     * @param errors the offending fields; at least one
     * @throws IllegalArgumentException when {@code errors} is empty
     */
    public InvalidInputException(List<FieldProblem> errors) {
        super(ProblemKind.INVALID_INPUT, null, summary(errors), errors, Map.of(), null);
    }

    /** One invalid field. */
    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    private static String summary(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one field problem");
        }
        FieldProblem first = errors.get(0);
        return errors.size() == 1
                ? first.field() + ": " + first.message()
                : errors.size() + " fields are invalid; see errors.";
    }
}
