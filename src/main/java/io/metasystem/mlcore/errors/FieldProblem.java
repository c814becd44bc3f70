package io.metasystem.mlcore.errors;

import java.util.Objects;

/**
 * One invalid input, named by its JSON path (e.g. {@code adsets[2].daily[0].clicks}), a query parameter or a
 * header.
 *
 * @param field JSON path of the offending field, in the API's snake_case names; never null or blank
 * @param message what is wrong, with the rejected value where it helps; never null
 */
public record FieldProblem(String field, String message) {
    /** @throws IllegalArgumentException when {@code field} is blank */
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (field.isBlank()) {
            throw new IllegalArgumentException("field must not be blank");
        }
    }
}
