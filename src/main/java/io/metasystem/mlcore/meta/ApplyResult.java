package io.metasystem.mlcore.meta;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an apply did, per ad set.
 *
 * @param status {@code applied} (every ad set is now as recommended), {@code partial} (some failed: apply again to
 *               resume only those), {@code failed} (none changed), {@code dry_run} (DUMMY_MODE: recorded, not sent)
 */
public record ApplyResult(
        String recommendationId,
        String accountId,
        boolean dryRun,
        ApplyStatus status,
        int changed,
        int unchanged,
        int alreadyApplied,
        int failed,
        List<Item> items) {

    /**
     * @param outcome {@code applied}, {@code dry_run}, {@code unchanged} (already at the target),
     *                {@code already_applied} (by an earlier apply of this recommendation), {@code in_progress}
     * (another apply owns it right now), {@code failed}, {@code not_attempted} (stopped by a token error)
     * @param errorField Graph API parameter blamed for a validation error, nullable
     * @param note       nullable; set when this apply took the ad set over from an interrupted one (its claim was
     *                   older than {@code APPLY_CLAIM_TIMEOUT}) and says whether Meta already had the change
     */
    public record Item(
            String adsetId,
            String action,
            BigDecimal beforeBudget,
            BigDecimal afterBudget,
            ApplyOutcome outcome,
            String error,
            String errorField,
            Integer errorCode,
            String note) {}
}
