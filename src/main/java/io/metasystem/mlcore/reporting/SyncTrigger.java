package io.metasystem.mlcore.reporting;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who started a platform sync: the API route or the scheduled task ({@code reporting_job.trigger_name}). */
public enum SyncTrigger {
    /** {@code POST /api/v1/artists/{artist_id}/youtube/sync}. */
    API,
    /** The {@code youtube-sync} task on {@code YOUTUBE_SYNC_CRON}. */
    SCHEDULE;

    /** The stored and answered form, e.g. {@code "api"}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SyncTrigger of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
