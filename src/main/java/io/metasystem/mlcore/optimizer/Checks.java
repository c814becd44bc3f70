package io.metasystem.mlcore.optimizer;

/** Argument checks shared by the value records; each failure names the field. */
final class Checks {
    private Checks() {}

    static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidProblemException(field, "must be a finite number >= 0, was " + value);
        }
        return value;
    }

    static Double nonNegativeOrNull(String field, Double value) {
        return value == null ? null : nonNegative(field, value);
    }

    static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidProblemException(field, "must be a finite number > 0, was " + value);
        }
        return value;
    }

    static Double positiveOrNull(String field, Double value) {
        return value == null ? null : positive(field, value);
    }
}
