package io.metasystem.mlcore.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.metasystem.mlcore.alerts.Alert;
import io.metasystem.mlcore.alerts.Silence;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Bodies of the alert routes (snake_case on the wire). */
final class AlertResponses {
    private AlertResponses() {}

    /** One alert: the stored {@link Alert} with its interval as {@code [lo, hi]} (absent on account-level alerts). */
    @Schema(name = "Alert")
    record AlertBody(
            @JsonUnwrapped Alert alert,

            @Schema(description = "90 % interval [lo, hi] of the expected value")
            List<Double> interval) {
        static AlertBody of(Alert a) {
            return new AlertBody(a, a.intervalLo() == null ? null : List.of(a.intervalLo(), a.intervalHi()));
        }
    }

    /** A list of alerts. */
    @Schema(name = "AlertList")
    record AlertList(List<AlertBody> alerts, int count) {
        static AlertList of(List<Alert> alerts) {
            return new AlertList(alerts.stream().map(AlertBody::of).toList(), alerts.size());
        }
    }

    /** A silence and whether it is in force now. */
    @Schema(name = "AlertSilence")
    record SilenceBody(@JsonUnwrapped Silence silence, boolean active) {
        static SilenceBody of(Silence s, OffsetDateTime now) {
            return new SilenceBody(s, s.active(now));
        }
    }

    /** A list of silences. */
    @Schema(name = "AlertSilenceList")
    record SilenceList(List<SilenceBody> silences, int count) {}

    /** Body of {@code POST /api/v1/alerts/silences}. */
    @Schema(name = "AlertSilenceRequest")
    record SilenceRequest(
            @Schema(description = "Matchers: at least one of account_id, adset_id, metric, kind")
            String accountId,

            String adsetId,
            @Schema(example = "ctr") String metric,
            @Schema(example = "level_shift") String kind,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Why, for the team")
            String comment,

            String createdBy,

            @Schema(description = "End of the silence (ISO-8601 instant); or give duration")
            OffsetDateTime endsAt,

            @Schema(description = "Length of the silence from now, e.g. 24h, 7d or PT12H; or give ends_at")
            String duration) {}

    /** Body of {@code POST /api/v1/alerts/{id}/ack}; optional. */
    @Schema(name = "AlertAckRequest")
    record AckRequest(@Schema(description = "Who is on it") String by) {}
}
