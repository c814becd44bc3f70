package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;

/** The vision routes' rule for a model version in a path or query: a positive integer. */
final class VisionVersions {
    private VisionVersions() {}

    /** @throws InvalidInputException naming {@code field} unless {@code value} is a positive integer */
    static long parse(String value, String field) {
        try {
            long v = Long.parseLong(value.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a positive integer, was '" + value + "'");
        }
    }
}
