package io.metasystem.mlcore.store;

/**
 * One reason an import file was rejected.
 *
 * @param line    1-based line of the file (CSV: the header is line 1; JSON: line of the parser), 0 for the whole file
 * @param column  column header (CSV) or JSON path, never null
 * @param message what is wrong, with the rejected value
 */
public record ImportProblem(long line, String column, String message) {}
