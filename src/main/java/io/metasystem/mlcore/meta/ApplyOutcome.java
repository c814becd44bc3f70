package io.metasystem.mlcore.meta;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What an apply did to one ad set: in the answer ({@link ApplyResult.Item#outcome()}), the audit
 * ({@code meta_audit.outcome}) and the idempotency ledger ({@code meta_apply_item.status}), always as the lower-case
 * {@link #value()} ({@code applied}, {@code dry_run}, …).
 */
public enum ApplyOutcome {
    /** Meta accepted the change; final in the ledger. */
    APPLIED,
    /** DUMMY_MODE: recorded, not sent; final in the ledger (of dry runs). */
    DRY_RUN,
    /** The ad set was already at the target (no call made); final in the ledger. */
    UNCHANGED,
    /** An earlier apply of this recommendation already changed it (answer only). */
    ALREADY_APPLIED,
    /** Another apply owns the ad set right now (ledger claim; answer). */
    IN_PROGRESS,
    /** Meta refused or failed the call; the ad set may be claimed again. */
    FAILED,
    /** Not tried: the apply stopped because Meta rejected the access token (answer only). */
    NOT_ATTEMPTED;

    /** The stored and answered form, e.g. {@code "dry_run"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The outcome stored as {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is no outcome's stored form
     */
    public static ApplyOutcome of(String value) {
        for (ApplyOutcome o : values()) {
            if (o.value().equals(value)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown apply outcome " + value);
    }

    /** True when the ledger row is done and a new apply of the same recommendation leaves the ad set alone. */
    boolean isFinal() {
        return this != FAILED && this != IN_PROGRESS;
    }

    /** {@link #value()}, so that messages and logs read as before. */
    @Override
    public String toString() {
        return value();
    }
}
