package io.metasystem.mlcore.alerts;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One episode of a fingerprint (account, ad set, metric, kind). Values are those of the latest anomaly seen.
 *
 * @param adsetId        {@code -} for account-level alerts (e.g. a rejected Meta token)
 * @param kind           an anomaly kind ({@code level_shift}, …) or {@code meta_token_rejected}
 * @param direction      nullable for account-level alerts
 * @param anomalyDate    nullable for account-level alerts
 * @param firedAt        nullable: never fired
 * @param resolvedAt     nullable: still open
 * @param acknowledgedAt nullable: not acknowledged
 * @param silencedBy     nullable: the id of an active silence that matches it
 */
public record Alert(
        String id,
        String fingerprint,
        String accountId,
        String adsetId,
        String metric,
        String kind,
        AlertState state,
        String direction,
        LocalDate anomalyDate,
        Double observed,
        Double expected,
        Double intervalLo,
        Double intervalHi,
        Double score,
        String reason,
        OffsetDateTime startedAt,
        OffsetDateTime firedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy,
        OffsetDateTime lastSeenAt,
        OffsetDateTime lastNotifiedAt,
        String silencedBy) {

    Alert withState(AlertState newState, OffsetDateTime fired, OffsetDateTime resolved) {
        return new Alert(
                id,
                fingerprint,
                accountId,
                adsetId,
                metric,
                kind,
                newState,
                direction,
                anomalyDate,
                observed,
                expected,
                intervalLo,
                intervalHi,
                score,
                reason,
                startedAt,
                fired,
                resolved,
                acknowledgedAt,
                acknowledgedBy,
                lastSeenAt,
                lastNotifiedAt,
                silencedBy);
    }

    Alert seen(
            String newDirection,
            LocalDate date,
            Double newObserved,
            Double newExpected,
            Double lo,
            Double hi,
            Double newScore,
            String newReason,
            OffsetDateTime at) {
        return new Alert(
                id,
                fingerprint,
                accountId,
                adsetId,
                metric,
                kind,
                state,
                newDirection,
                date,
                newObserved,
                newExpected,
                lo,
                hi,
                newScore,
                newReason,
                startedAt,
                firedAt,
                resolvedAt,
                acknowledgedAt,
                acknowledgedBy,
                at,
                lastNotifiedAt,
                silencedBy);
    }

    Alert acknowledged(String by, OffsetDateTime at) {
        return new Alert(
                id,
                fingerprint,
                accountId,
                adsetId,
                metric,
                kind,
                AlertState.ACKNOWLEDGED,
                direction,
                anomalyDate,
                observed,
                expected,
                intervalLo,
                intervalHi,
                score,
                reason,
                startedAt,
                firedAt,
                resolvedAt,
                at,
                by,
                lastSeenAt,
                lastNotifiedAt,
                silencedBy);
    }

    Alert notified(OffsetDateTime at) {
        return new Alert(
                id,
                fingerprint,
                accountId,
                adsetId,
                metric,
                kind,
                state,
                direction,
                anomalyDate,
                observed,
                expected,
                intervalLo,
                intervalHi,
                score,
                reason,
                startedAt,
                firedAt,
                resolvedAt,
                acknowledgedAt,
                acknowledgedBy,
                lastSeenAt,
                at,
                silencedBy);
    }

    Alert silenced(String silenceId) {
        return new Alert(
                id,
                fingerprint,
                accountId,
                adsetId,
                metric,
                kind,
                state,
                direction,
                anomalyDate,
                observed,
                expected,
                intervalLo,
                intervalHi,
                score,
                reason,
                startedAt,
                firedAt,
                resolvedAt,
                acknowledgedAt,
                acknowledgedBy,
                lastSeenAt,
                lastNotifiedAt,
                silenceId);
    }
}
