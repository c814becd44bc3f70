/**
 * The Meta Marketing API connector: the Graph API client with retries, rate-limit back-off and error mapping
 * ({@code GraphApiClient}, {@code MetaErrorCodes}), syncs of ad sets and insights into the store as jobs
 * ({@code SyncService}, {@code MetaJobs}, {@code ScheduledSync}), and apply of a stored recommendation's budgets with
 * guardrails, an idempotency ledger, dry runs and an audit log ({@code ApplyService}, {@code ApplyGuardrails},
 * {@code ApplyLedger}, {@code AuditLog}; docs/meta.md).
 *
 * <p>Owns: {@code meta_job}, {@code meta_apply_item}, {@code meta_audit}; {@code ApplyOutcome} and {@code ApplyStatus}.
 * The access token never reaches logs, errors or the audit.
 *
 * <p>May use: {@code store}, {@code webhooks} (alerts, "recommendation applied"), {@code scheduling}, {@code config},
 * {@code errors}, Spring (web client, JDBC), Jackson.
 */
package io.metasystem.mlcore.meta;
