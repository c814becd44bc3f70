package io.metasystem.mlcore.alerts.detect;

import java.util.Locale;

/**
 * How much evidence an anomaly needs, as normal scores (Student-t adjusted, see {@link AnomalyDetector}):
 * {@code single} for one day to be a spike or dip, {@code shift} for the Stouffer-combined score of a 2–3 day run
 * to be a level shift, {@code run} for every day of such a run.
 * Higher sensitivity finds smaller deviations and raises more false alarms; the benchmark in docs/alerts.md measures
 * medium.
 *
 * @param single normal score of a one-day anomaly
 * @param shift  combined normal score of a level-shift run
 * @param run    normal score each day of a level-shift run needs, in the same direction
 * @param pacingOver spend above this multiple of the daily budget is over-pacing
 */
public enum Sensitivity {
    LOW(4.5, 4.75, 2.0, 2.5),
    MEDIUM(3.5, 4.0, 1.5, 2.0),
    HIGH(3.0, 3.5, 1.25, 1.75);

    private final double single;
    private final double shift;
    private final double run;
    private final double pacingOver;

    Sensitivity(double single, double shift, double run, double pacingOver) {
        this.single = single;
        this.shift = shift;
        this.run = run;
        this.pacingOver = pacingOver;
    }

    /** Normal score a one-day anomaly needs. */
    public double single() {
        return single;
    }

    /** Combined normal score a level shift (a run or a pooled window) needs. */
    public double shift() {
        return shift;
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
