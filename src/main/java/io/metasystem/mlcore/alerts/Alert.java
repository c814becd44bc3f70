package io.metasystem.mlcore.alerts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

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
        @JsonIgnore Double intervalLo,
        @JsonIgnore Double intervalHi,
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
        Copy copy = new Copy(this);
        copy.state = newState;
        copy.firedAt = fired;
        copy.resolvedAt = resolved;
        return copy.build();
    }

    /**
     * What the latest anomaly of an episode said (all nullable for account-level alerts but the reason).
     *
     * @param lo lower end of the expected interval
     * @param hi upper end of the expected interval
     */
    record Values(
            String direction,
            LocalDate anomalyDate,
            Double observed,
            Double expected,
            Double lo,
            Double hi,
            Double score,
            String reason) {
        /** An account-level alert's values: only a reason. */
        static Values accountLevel(String reason) {
            return new Values(null, null, null, null, null, null, null, reason);
        }
    }

    /**
     * A new episode seen first at {@code now}; it fires at once when {@code state} is {@link AlertState#FIRING}.
     */
    static Alert opened(AlertKey key, AlertState state, Values values, OffsetDateTime now) {
        return new Alert(
                UUID.randomUUID().toString(),
                key.fingerprint(),
                key.accountId(),
                key.adsetId(),
                key.metric(),
                key.kind(),
                state,
                values.direction(),
                values.anomalyDate(),
                values.observed(),
                values.expected(),
                values.lo(),
                values.hi(),
                values.score(),
                values.reason(),
                now,
                state == AlertState.FIRING ? now : null,
                null,
                null,
                null,
                now,
                null,
                null);
    }

    Alert seen(Values v, OffsetDateTime at) {
        Copy copy = new Copy(this);
        copy.direction = v.direction();
        copy.anomalyDate = v.anomalyDate();
        copy.observed = v.observed();
        copy.expected = v.expected();
        copy.intervalLo = v.lo();
        copy.intervalHi = v.hi();
        copy.score = v.score();
        copy.reason = v.reason();
        copy.lastSeenAt = at;
        return copy.build();
    }

    Alert acknowledged(String by, OffsetDateTime at) {
        Copy copy = new Copy(this);
        copy.state = AlertState.ACKNOWLEDGED;
        copy.acknowledgedAt = at;
        copy.acknowledgedBy = by;
        return copy.build();
    }

    Alert notified(OffsetDateTime at) {
        Copy copy = new Copy(this);
        copy.lastNotifiedAt = at;
        return copy.build();
    }

    Alert silenced(String silenceId) {
        Copy copy = new Copy(this);
        copy.silencedBy = silenceId;
        return copy.build();
    }

    /** A mutable copy of every component; each transition changes some and builds a new record. */
    private static final class Copy {
        private String id;
        private String fingerprint;
        private String accountId;
        private String adsetId;
        private String metric;
        private String kind;
        private AlertState state;
        private String direction;
        private LocalDate anomalyDate;
        private Double observed;
        private Double expected;
        private Double intervalLo;
        private Double intervalHi;
        private Double score;
        private String reason;
        private OffsetDateTime startedAt;
        private OffsetDateTime firedAt;
        private OffsetDateTime resolvedAt;
        private OffsetDateTime acknowledgedAt;
        private String acknowledgedBy;
        private OffsetDateTime lastSeenAt;
        private OffsetDateTime lastNotifiedAt;
        private String silencedBy;

        Copy(Alert a) {
            id = a.id;
            fingerprint = a.fingerprint;
            accountId = a.accountId;
            adsetId = a.adsetId;
            metric = a.metric;
            kind = a.kind;
            state = a.state;
            direction = a.direction;
            anomalyDate = a.anomalyDate;
            observed = a.observed;
            expected = a.expected;
            intervalLo = a.intervalLo;
            intervalHi = a.intervalHi;
            score = a.score;
            reason = a.reason;
            startedAt = a.startedAt;
            firedAt = a.firedAt;
            resolvedAt = a.resolvedAt;
            acknowledgedAt = a.acknowledgedAt;
            acknowledgedBy = a.acknowledgedBy;
            lastSeenAt = a.lastSeenAt;
            lastNotifiedAt = a.lastNotifiedAt;
            silencedBy = a.silencedBy;
        }

        Alert build() {
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
                    silencedBy);
        }
    }
}
