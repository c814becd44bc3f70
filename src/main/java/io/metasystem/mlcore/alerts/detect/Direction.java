package io.metasystem.mlcore.alerts.detect;

import java.util.Locale;

/** Whether the observed value is above or below what was expected. */
public enum Direction {
    UP,
    DOWN;

    /** {@code up} or {@code down}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
