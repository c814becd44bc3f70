package io.metasystem.mlcore.meta;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One audited change of an ad set, as asked of Meta or (dry run) recorded instead of sent.
 *
 * @param action       {@code set_daily_budget} or {@code pause}
 * @param beforeBudget currency per day before, nullable when unknown
 * @param afterBudget  currency per day asked for, nullable for a pause
 * @param requestedBy  who or what asked (API caller, {@code n8n-webhook}), with the request id
 * @param request      the exact Graph API call as JSON ({@code method}, {@code path}, {@code params}); no token
 * @param response     Graph API response body, nullable (dry run, unchanged, no response)
 * @param outcome      {@code applied}, {@code dry_run}, {@code unchanged} or {@code failed}
 * @param note         nullable; why an apply that took the ad set over from an interrupted one did what it did
 */
public record AuditEntry(
        long id,
        OffsetDateTime createdAt,
        String accountId,
        String recommendationId,
        String adsetId,
        String idempotencyKey,
        String action,
        BigDecimal beforeBudget,
        BigDecimal afterBudget,
        String beforeStatus,
        String afterStatus,
        String currency,
        String requestedBy,
        String request,
        String response,
        ApplyOutcome outcome,
        String error,
        boolean dryRun,
        String note) {}
