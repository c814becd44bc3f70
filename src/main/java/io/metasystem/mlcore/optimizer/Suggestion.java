package io.metasystem.mlcore.optimizer;

/**
 * The smallest change of one request field that, on its own, makes the constraints feasible (mandate §5.1).
 *
 * @param field     JSON path of the field, e.g. {@code budget.max_change_ratio}
 * @param current   its value in the request, null when the request leaves it out
 * @param suggested the value to send instead (money rounded to cents, ratios to 2 or 4 decimals, in the feasible
 *                  direction)
 * @param sentence  the same as one human-readable sentence
 */
public record Suggestion(String field, Double current, double suggested, String sentence) {}
