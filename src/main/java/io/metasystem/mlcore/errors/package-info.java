/**
 * The error vocabulary every feature package throws and the {@code api} package answers as RFC 9457
 * {@code application/problem+json}: a {@link io.metasystem.mlcore.errors.ProblemException} carries its kind
 * (which HTTP status it becomes), a title, a detail sentence and the offending fields as data
 * ({@link io.metasystem.mlcore.errors.FieldProblem}), never as a "field: message" string to parse back.
 *
 * <p>Owns: {@link io.metasystem.mlcore.errors.ProblemException} and its kinds, {@link
 * io.metasystem.mlcore.errors.InvalidInputException}, {@link io.metasystem.mlcore.errors.NotFoundException}. May use:
 * the JDK only (no Spring, no other package of ours), so that any package can throw these.
 */
package io.metasystem.mlcore.errors;
