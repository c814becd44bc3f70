package io.metasystem.mlcore.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Delivery status of an outbound event ({@code webhook_outbox.status}, {@link OutboxEntry#status()}), stored and
 * answered as the lower-case {@link #value()}. Only {@link #PENDING} events are (re-)delivered; the others are final.
 */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    SENT,
    /** The receiver refused it, or every attempt failed. */
    FAILED,
    /** DUMMY_MODE=true: recorded, never sent. */
    DRY_RUN,
    /** No N8N_WEBHOOK_URL: recorded, never sent. */
    NOT_CONFIGURED;

    /** The stored and answered form, e.g. {@code "not_configured"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status stored as {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is no status's stored form
     */
    public static DeliveryStatus of(String value) {
        for (DeliveryStatus s : values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown delivery status " + value);
    }

    /** {@link #value()}, so that messages and logs read as before. */
    @Override
    public String toString() {
        return value();
    }
}
