package io.metasystem.mlcore.ml;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Status of a model version in the registry ({@code ml_model.status}, {@link RegisteredModel#status()}), stored and
 * answered as the lower-case {@link #value()}. A scope has at most one {@link #CHAMPION}.
 */
public enum ModelStatus {
    /** Serves the scope's priors. */
    CHAMPION,
    /** Registered but not promoted (did not beat the champion by the margin, or not comparable). */
    CHALLENGER,
    /** A former champion. */
    RETIRED;

    /** The stored and answered form, e.g. {@code "champion"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status stored as {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is no status's stored form
     */
    public static ModelStatus of(String value) {
        for (ModelStatus s : values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown model status " + value);
    }

    /** {@link #value()}, so that messages and logs read as before. */
    @Override
    public String toString() {
        return value();
    }
}
