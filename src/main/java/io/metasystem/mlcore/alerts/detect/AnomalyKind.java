package io.metasystem.mlcore.alerts.detect;

import java.util.Locale;

/** What kind of deviation an {@link Anomaly} is. */
public enum AnomalyKind {
    /** One day above the predictive interval. */
    SPIKE,
    /** One day below the predictive interval. */
    DIP,
    /** A sustained change starting on the anomaly's date (reported once, on its first day). */
    LEVEL_SHIFT,
    /** Spend near zero on an active ad set that was delivering. */
    DELIVERY_STOP,
    /** Spend far above or below the ad set's daily budget. */
    PACING;

    /** snake_case name in the API, e.g. {@code level_shift}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when no kind has that name */
    public static AnomalyKind fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
