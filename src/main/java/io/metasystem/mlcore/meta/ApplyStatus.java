package io.metasystem.mlcore.meta;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The status of a whole apply ({@link ApplyResult#status()}), answered as the lower-case {@link #value()}. */
enum ApplyStatus {
    /** Every ad set is now as recommended. */
    APPLIED,
    /** Some ad sets failed: apply again to resume only those. */
    PARTIAL,
    /** None changed. */
    FAILED,
    /** DUMMY_MODE: recorded, not sent. */
    DRY_RUN;

    /** The answered form, e.g. {@code "partial"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #value()}, so that messages and logs read as before. */
    @Override
    public String toString() {
        return value();
    }
}
