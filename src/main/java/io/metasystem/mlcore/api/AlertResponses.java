package io.metasystem.mlcore.api;

import io.metasystem.mlcore.alerts.Alert;
import io.metasystem.mlcore.alerts.ScanResult;
import io.metasystem.mlcore.alerts.Silence;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Bodies of the alert routes (snake_case on the wire). */
final class AlertResponses {
    private AlertResponses() {}

    /** One alert. */
    @Schema(name = "Alert")
    record AlertBody(
            String id,
            String fingerprint,
            String accountId,

            @Schema(description = "'-' for account-level alerts")
            String adsetId,

            String metric,
            String kind,

            @Schema(allowableValues = {"pending", "firing", "acknowledged", "resolved"})
            String state,

            String direction,
            LocalDate anomalyDate,
            Double observed,
            Double expected,
            List<Double> interval,
            Double score,
            String reason,
            OffsetDateTime startedAt,
            OffsetDateTime firedAt,
            OffsetDateTime resolvedAt,
            OffsetDateTime acknowledgedAt,
            String acknowledgedBy,
            OffsetDateTime lastSeenAt,
            OffsetDateTime lastNotifiedAt,

            @Schema(description = "Id of the active silence that mutes it, absent when none")
            String silencedBy) {
        static AlertBody of(Alert a) {
            return new AlertBody(
                    a.id(),
                    a.fingerprint(),
                    a.accountId(),
                    a.adsetId(),
                    a.metric(),
                    a.kind(),
                    a.state().wireName(),
                    a.direction(),
                    a.anomalyDate(),
                    a.observed(),
                    a.expected(),
                    a.intervalLo() == null ? null : List.of(a.intervalLo(), a.intervalHi()),
                    a.score(),
                    a.reason(),
                    a.startedAt(),
                    a.firedAt(),
                    a.resolvedAt(),
                    a.acknowledgedAt(),
                    a.acknowledgedBy(),
                    a.lastSeenAt(),
                    a.lastNotifiedAt(),
                    a.silencedBy());
        }
    }

    /** A list of alerts. */
    @Schema(name = "AlertList")
    record AlertList(List<AlertBody> alerts, int count) {
        static AlertList of(List<Alert> alerts) {
            return new AlertList(alerts.stream().map(AlertBody::of).toList(), alerts.size());
        }
    }

    /** A silence. */
    @Schema(name = "AlertSilence")
    record SilenceBody(
            String id,
            String accountId,
            String adsetId,
            String metric,
            String kind,
            String comment,
            String createdBy,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OffsetDateTime createdAt,
            boolean active) {
        static SilenceBody of(Silence s, OffsetDateTime now) {
            return new SilenceBody(
                    s.id(),
                    s.accountId(),
                    s.adsetId(),
                    s.metric(),
                    s.kind(),
                    s.comment(),
                    s.createdBy(),
                    s.startsAt(),
                    s.endsAt(),
                    s.createdAt(),
                    s.active(now));
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

    /** Answer of a scan. */
    @Schema(name = "AlertScanResult")
    record ScanBody(
            String accountId,
            LocalDate newestDay,
            int anomalies,
            List<String> opened,
            List<String> fired,
            List<String> resolved,
            int notified,
            List<String> events) {
        static ScanBody of(ScanResult r) {
            return new ScanBody(
                    r.accountId(),
                    r.newestDay(),
                    r.anomalies(),
                    r.opened(),
                    r.fired(),
                    r.resolved(),
                    r.notified(),
                    r.events());
        }
    }
}
