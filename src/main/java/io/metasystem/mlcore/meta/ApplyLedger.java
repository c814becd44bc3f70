package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaApplyProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Idempotency of apply: one row per key {@code <recommendation id>/<ad set id>} (and dry-run flag). An ad set is
 * claimed ({@code in_progress}) before its Graph API call, so two concurrent applies (even on two replicas) never
 * both change it; {@code applied}, {@code unchanged} and {@code dry_run} are final, {@code failed} may be claimed
 * again,
 * and so may an {@code in_progress} claim older than {@code APPLY_CLAIM_TIMEOUT} (its apply crashed: the process was
 * killed between the claim and the end of its Graph API call, so whether Meta received the change is unknown; the
 * apply that takes it over reads the ad set from Meta first and finds it {@code unchanged} when the change arrived).
 */
@Component
class ApplyLedger {
    private final JdbcClient jdbc;
    private final Clock clock;
    /** A claim older than this is taken to belong to a crashed apply and may be taken over. */
    private final Duration stale;

    ApplyLedger(JdbcClient jdbc, Clock clock, MetaApplyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.stale = properties.claimTimeout();
    }

    static String key(String recommendationId, String adsetId) {
        return recommendationId + "/" + adsetId;
    }

    Map<String, ApplyOutcome> statuses(String recommendationId, boolean dryRun) {
        Map<String, ApplyOutcome> out = new HashMap<>();
        jdbc.sql("select adset_id, status from meta_apply_item where recommendation_id = :rec and dry_run = :dry")
                .param("rec", recommendationId)
                .param("dry", dryRun)
                .query((rs, n) -> out.put(rs.getString("adset_id"), ApplyOutcome.of(rs.getString("status"))))
                .list();
        return out;
    }

    /** What {@link #claim} got. */
    enum Claim {
        /** Another apply owns the ad set, or its change is final: this call must not touch it. */
        REFUSED,
        /** This call owns the ad set's change: its first claim, or its previous attempt failed. */
        CLAIMED,
        /** An {@code in_progress} claim older than {@code APPLY_CLAIM_TIMEOUT}: its apply was interrupted. */
        TAKEN_OVER;

        /** Whether this call now owns the ad set's change. */
        boolean owned() {
            return this != REFUSED;
        }
    }

    /**
     * Claims the ad set's change for this call: new, previously failed, or left {@code in_progress} by an apply
     * whose claim is older than {@code APPLY_CLAIM_TIMEOUT}. Each case is one statement, so two concurrent claims
     * never both succeed.
     */
    Claim claim(String recommendationId, String accountId, String adsetId, boolean dryRun) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            jdbc.sql("""
                    insert into meta_apply_item (idempotency_key, dry_run, recommendation_id, account_id, adset_id,
                    status,
                      attempts, updated_at) values (:key, :dry, :rec, :account, :adset, :claimed, 1, :now)""")
                    .param("claimed", ApplyOutcome.IN_PROGRESS.value())
                    .param("key", key(recommendationId, adsetId))
                    .param("dry", dryRun)
                    .param("rec", recommendationId)
                    .param("account", accountId)
                    .param("adset", adsetId)
                    .param("now", now)
                    .update();
            return Claim.CLAIMED;
        } catch (DuplicateKeyException e) {
            int retried = jdbc.sql("""
                    update meta_apply_item set status = :claimed, attempts = attempts + 1, updated_at = :now
                    where idempotency_key = :key and dry_run = :dry and status = :failed""")
                    .param("claimed", ApplyOutcome.IN_PROGRESS.value())
                    .param("failed", ApplyOutcome.FAILED.value())
                    .param("key", key(recommendationId, adsetId))
                    .param("dry", dryRun)
                    .param("now", now)
                    .update();
            if (retried == 1) {
                return Claim.CLAIMED;
            }
            int takenOver = jdbc.sql("""
                    update meta_apply_item set attempts = attempts + 1, updated_at = :now
                    where idempotency_key = :key and dry_run = :dry and status = :claimed and updated_at < :stale""")
                    .param("claimed", ApplyOutcome.IN_PROGRESS.value())
                    .param("key", key(recommendationId, adsetId))
                    .param("dry", dryRun)
                    .param("now", now)
                    .param("stale", now.minus(stale))
                    .update();
            return takenOver == 1 ? Claim.TAKEN_OVER : Claim.REFUSED;
        }
    }

    void finish(String recommendationId, String adsetId, boolean dryRun, ApplyOutcome status, String error) {
        jdbc.sql("""
                update meta_apply_item set status = :status, last_error = :error, updated_at = :now
                where idempotency_key = :key and dry_run = :dry""")
                .param("status", status.value())
                .param("error", error == null ? null : error.substring(0, Math.min(4000, error.length())))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("key", key(recommendationId, adsetId))
                .param("dry", dryRun)
                .update();
    }
}
