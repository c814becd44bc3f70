package io.metasystem.mlcore.alerts.detect;

import java.util.Locale;

/**
 * How much evidence an anomaly needs. {@code single} is the normal score one day needs to be a spike or dip (or the
 * Stouffer-combined score of a 2–3 day run to be a level shift); {@code run} the score every day of such a run needs.
 * Higher sensitivity finds smaller deviations and raises more false alarms; the benchmark in docs/alerts.md measures
 * medium.
 *
 * @param single normal score of a one-day anomaly (and of a combined run)
 * @param run    normal score each day of a level-shift run needs, in the same direction
 * @param pacingOver spend above this multiple of the daily budget is over-pacing
 */
public enum Sensitivity {
    LOW(4.75, 2.0, 2.5),
    MEDIUM(4.0, 1.5, 2.0),
    HIGH(3.5, 1.25, 1.75);

    private final double single;
    private final double run;
    private final double pacingOver;

    Sensitivity(double single, double run, double pacingOver) {
        this.single = single;
        this.run = run;
        this.pacingOver = pacingOver;
    }

    double single() {
        return single;
    }

    double run() {
        return run;
    }

    double pacingOver() {
        return pacingOver;
    }

    /** {@code low}, {@code medium} or {@code high}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when the name is not low, medium or high */
    public static Sensitivity fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
