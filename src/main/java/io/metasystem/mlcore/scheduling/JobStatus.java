package io.metasystem.mlcore.scheduling;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Status of a long-running job ({@code meta_job.status}, {@code ml_job.status}): stored, logged and answered as the
 * lower-case {@link #value()} ({@code queued}, {@code running}, {@code succeeded}, {@code failed}). {@link #SUCCEEDED}
 * and {@link #FAILED} are terminal: a finished job's status is never overwritten.
 */
public enum JobStatus {
    /** Accepted, not started (training jobs wait for the single training thread). */
    QUEUED,
    /** Running on some replica, which holds its lease ({@link JobLeases}). */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished without a result, or its replica died (lease sweep); {@code error} says why. */
    FAILED;

    /** The stored and answered form, e.g. {@code "succeeded"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@link #SUCCEEDED} and {@link #FAILED}. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED;
    }

    /**
     * The status stored as {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is not one of the four stored forms
     */
    public static JobStatus of(String value) {
        for (JobStatus s : values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job status " + value);
    }

    /** {@link #value()}, so that messages and logs read as before. */
    @Override
    public String toString() {
        return value();
    }
}
