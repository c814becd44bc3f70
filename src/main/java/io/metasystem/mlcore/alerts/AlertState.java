package io.metasystem.mlcore.alerts;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Lifecycle of an alert, as in Alertmanager: pending → firing → resolved; acknowledged while it still fires. */
public enum AlertState {
    /** Seen on the newest day only and not yet confirmed (a one-day spike or dip could still be a one-off). */
    PENDING,
    /** Confirmed and notified. */
    FIRING,
    /** Firing, and a person said they are on it: not notified again. */
    ACKNOWLEDGED,
    /** No longer seen in the lookback window (or acknowledged and then gone). */
    RESOLVED;

    /** Lower-case name in the API. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the alert is still open (pending, firing or acknowledged). */
    public boolean open() {
        return this != RESOLVED;
    }

    /** @throws IllegalArgumentException when the name is none of the states */
    public static AlertState fromWire(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
