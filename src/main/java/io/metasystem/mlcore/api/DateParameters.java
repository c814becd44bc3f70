package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** ISO dates from query parameters and bodies, collecting every bad one so a single 400 names them all. */
final class DateParameters {
    private DateParameters() {}

    /**
     * @return the date, or {@code fallback} when the value is absent or invalid (then a problem naming
     *         {@code field} is added)
     */
    static LocalDate parse(String field, String value, LocalDate fallback, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "expected a date YYYY-MM-DD, got '" + value + "'"));
            return fallback;
        }
    }
}
