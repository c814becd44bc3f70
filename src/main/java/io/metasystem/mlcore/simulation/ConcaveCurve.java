package io.metasystem.mlcore.simulation;

/** An increasing concave response (e.g. conversions per day) of a daily budget. */
public interface ConcaveCurve {
    /** Value at budget b &ge; 0. */
    double value(double budget);

    /** Derivative at b &ge; 0, non-increasing in b (may be +∞ at 0). */
    double slope(double budget);
}
