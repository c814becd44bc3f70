package io.metasystem.mlcore.reporting;

import java.util.Arrays;
import java.util.Locale;

/** What kind of known event shifts an artist's baseline. */
public enum EventType {
    RELEASE,
    PLAYLIST_ADD,
    PRESS,
    TOUR,
    OTHER;

    /** @return the wire name, e.g. {@code playlist_add} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type of a wire name, or null when none matches */
    public static EventType fromWire(String value) {
        return Arrays.stream(values())
                .filter(t -> t.wire().equals(value))
                .findFirst()
                .orElse(null);
    }
}
