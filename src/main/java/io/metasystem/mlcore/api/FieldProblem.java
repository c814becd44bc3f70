package io.metasystem.mlcore.api;

/**
 * One invalid input, named by its JSON path (e.g. {@code adsets[2].daily[0].clicks}).
 *
 * @param field   JSON path of the offending field, in the API's snake_case names
 * @param message what is wrong, with the rejected value where it helps
 */
public record FieldProblem(String field, String message) {}
