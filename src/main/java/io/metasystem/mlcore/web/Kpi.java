package io.metasystem.mlcore.web;

/**
 * One KPI tile: a figure for a period against the period before.
 *
 * @param name     message key suffix: {@code spend}, {@code conversions}, {@code cpa}, {@code roas}, {@code cpm},
 *                 {@code ctr}
 * @param kind     how the figure is written
 * @param current  figure of the period, null when it cannot be computed (no conversions for CPA, …)
 * @param previous figure of the period before, null when that period has no data or the figure cannot be computed
 * @param better   which direction is good, to colour the change
 */
public record Kpi(String name, Kind kind, Double current, Double previous, Direction better) {
    /** How a figure is written. */
    public enum Kind {
        MONEY,
        COUNT,
        MULTIPLE,
        PERCENT
    }

    /** Which direction of change is good. */
    public enum Direction {
        UP,
        DOWN,
        NEITHER
    }

    /** Relative change {@code current / previous − 1}; null when either is missing or previous is zero. */
    public Double change() {
        if (current == null || previous == null || previous == 0.0) {
            return null;
        }
        return current / previous - 1.0;
    }

    /** {@code good}, {@code bad} or {@code neutral}: the CSS class of the change (a 0.05 % move is neutral). */
    public String tone() {
        Double change = change();
        if (change == null || better == Direction.NEITHER || Math.abs(change) < 0.0005) {
            return "neutral";
        }
        boolean up = change > 0;
        return up == (better == Direction.UP) ? "good" : "bad";
    }
}
