package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.store.RecommendationStore;
import io.metasystem.mlcore.store.StoredJson;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored recommendation into Graph API writes: {@code POST /<adset_id>} with {@code daily_budget} in the
 * currency's minor units, or {@code status=PAUSED} for a zero budget.
 * <ol>
 * <li>Guardrails first (allow-list, age, total, minimum, change per day); a violation refuses the whole apply.</li>
 * <li>Idempotent: each (recommendation, ad set) is claimed in {@link ApplyLedger}; finished ones are skipped, so
 * applying twice changes nothing the second time and a second apply after a partial failure resumes only the
 * failed.</li>
 * <li>Every attempted change is written to {@link AuditLog} with before, after, requester, the exact call and Meta's
 * answer. With DUMMY_MODE=true no call is made: the audit records the calls as {@code dry_run}.</li>
 * <li>A token error (190) stops the apply, raises an {@code alert} webhook and leaves the rest {@code
 * not_attempted}.</li>
 * <li>Afterwards a {@code recommendation.applied} webhook carries the result.</li>
 * </ol>
 */
@Service
public class ApplyService {
    private static final Logger log = LoggerFactory.getLogger(ApplyService.class);
    private static final JsonMapper JSON = StoredJson.MAPPER;

    /** Note of an ad set whose claim was taken over from an interrupted apply and that Meta already had at target. */
    static final String TAKEN_OVER_ALREADY_THERE = "taken over from an interrupted apply: Meta already had the target "
            + "(most likely that apply's change arrived before it stopped), so nothing was sent again";

    /** Note of an ad set whose claim was taken over from an interrupted apply and that was not at target on Meta. */
    static final String TAKEN_OVER_SENT = "taken over from an interrupted apply: Meta did not have the target, so "
            + "the change was sent by this apply";

    private final RecommendationSource recommendations;
    private final GraphApiClient graph;
    private final ApplyLedger ledger;
    private final AuditLog audit;
    private final OutboundWebhooks webhooks;
    private final ApplyGuardrails guardrails;
    private final boolean dryRun;
    private final Clock clock;

    ApplyService(
            RecommendationSource recommendations,
            GraphApiClient graph,
            ApplyLedger ledger,
            AuditLog audit,
            OutboundWebhooks webhooks,
            MetaProperties properties,
            MlCoreProperties core,
            Clock clock) {
        this.recommendations = recommendations;
        this.graph = graph;
        this.ledger = ledger;
        this.audit = audit;
        this.webhooks = webhooks;
        this.guardrails = new ApplyGuardrails(properties);
        this.dryRun = core.dummyMode();
        this.clock = clock;
    }

    /**
     * @param requestedBy who asked (recorded in the audit)
     * @throws NotFoundException                unknown recommendation id (404)
     * @throws GuardrailViolationException      a guardrail refuses the recommendation (422), nothing changed
     * @throws MetaNotConfiguredException       live mode without META_ACCESS_TOKEN
     */
    public ApplyResult apply(String recommendationId, String requestedBy) {
        AppliableRecommendation rec = recommendations
                .find(recommendationId)
                .orElseThrow(() -> RecommendationStore.notFound(recommendationId));
        guardrails.checkRecommendation(rec, clock.instant());
        String account = MetaProperties.bareAccount(rec.accountId());
        Map<String, ApplyOutcome> done = ledger.statuses(rec.id(), dryRun);
        List<AppliableRecommendation.Target> pending = rec.adSets().stream()
                .filter(t -> !isFinal(done.get(t.adsetId())))
                .toList();
        List<String> pendingIds =
                pending.stream().map(AppliableRecommendation.Target::adsetId).toList();

        // Current state: live from Meta; in a dry run nothing leaves the service, so the recommendation's view.
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        Map<String, String> statusBefore = new LinkedHashMap<>();
        String currency = rec.currency();
        if (!dryRun && !pending.isEmpty()) {
            if (currency == null) {
                currency = graph.account(account).currency();
            }
            Map<String, GraphAdSet> live = graph.adSetsById(pendingIds);
            for (AppliableRecommendation.Target t : pending) {
                GraphAdSet g = live.get(t.adsetId());
                if (g != null) {
                    before.put(
                            t.adsetId(),
                            g.dailyBudgetMinor() == null ? null : Currencies.toMajor(g.dailyBudgetMinor(), currency));
                    statusBefore.put(t.adsetId(), g.status());
                }
            }
        } else {
            pending.forEach(t -> before.put(t.adsetId(), t.currentBudget()));
        }
        Map<String, BigDecimal> baselines = new LinkedHashMap<>(before);
        baselines.putAll(audit.startOfDayBudgets(pendingIds, dryRun));
        for (AppliableRecommendation.Target t : pending) {
            guardrails.checkAdSet(t, baselines);
        }

        List<ApplyResult.Item> items = new ArrayList<>();
        boolean stop = false;
        for (AppliableRecommendation.Target t : rec.adSets()) {
            String action = t.pause() ? "pause" : "set_daily_budget";
            if (isFinal(done.get(t.adsetId()))) {
                items.add(new ApplyResult.Item(
                        t.adsetId(),
                        action,
                        null,
                        t.pause() ? null : t.recommendedBudget(),
                        ApplyOutcome.ALREADY_APPLIED,
                        null,
                        null,
                        null,
                        null));
                continue;
            }
            if (stop) {
                items.add(new ApplyResult.Item(
                        t.adsetId(),
                        action,
                        before.get(t.adsetId()),
                        t.recommendedBudget(),
                        ApplyOutcome.NOT_ATTEMPTED,
                        "stopped: Meta access token rejected",
                        null,
                        null,
                        null));
                continue;
            }
            ApplyLedger.Claim claim = ledger.claim(rec.id(), account, t.adsetId(), dryRun);
            if (!claim.owned()) {
                items.add(new ApplyResult.Item(
                        t.adsetId(),
                        action,
                        before.get(t.adsetId()),
                        t.recommendedBudget(),
                        ApplyOutcome.IN_PROGRESS,
                        "another apply is changing this ad set",
                        null,
                        null,
                        null));
                continue;
            }
            ApplyResult.Item item = applyOne(
                    rec,
                    account,
                    currency,
                    t,
                    action,
                    before.get(t.adsetId()),
                    statusBefore.get(t.adsetId()),
                    requestedBy,
                    claim == ApplyLedger.Claim.TAKEN_OVER);
            items.add(item);
            if (MetaErrorCodes.isTokenError(item.errorCode())) {
                stop = true;
                webhooks.publish(
                        "alert",
                        Map.of(
                                "kind",
                                "meta_token_invalid",
                                "account_id",
                                account,
                                "message",
                                "Meta rejected the access token (code " + item.errorCode()
                                        + "); renew META_ACCESS_TOKEN. Apply of " + rec.id() + " stopped."));
            }
        }
        ApplyResult result = summarise(rec.id(), account, items);
        webhooks.publish("recommendation.applied", result);
        log.info(
                "Apply of recommendation {} on account {}: {} ({} changed, {} failed, dry run {})",
                rec.id(),
                account,
                result.status(),
                result.changed(),
                result.failed(),
                dryRun);
        return result;
    }

    /** True in DUMMY_MODE: an apply records the calls in the audit as {@code dry_run} and sends nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Runs the guardrails an apply would run, without changing or recording anything: a preview. The per-ad-set
     * checks use the budgets the recommendation saw (and today's earlier changes in the audit), not Meta's live
     * budgets, so a live apply may still refuse what the preview let through.
     *
     * @return the recommendation as apply reads it
     * @throws NotFoundException           unknown recommendation id
     * @throws GuardrailViolationException a guardrail would refuse the apply
     */
    public AppliableRecommendation preview(String recommendationId) {
        AppliableRecommendation rec = recommendations
                .find(recommendationId)
                .orElseThrow(() -> RecommendationStore.notFound(recommendationId));
        guardrails.checkRecommendation(rec, clock.instant());
        List<String> ids = rec.adSets().stream()
                .map(AppliableRecommendation.Target::adsetId)
                .toList();
        Map<String, BigDecimal> baselines = new LinkedHashMap<>();
        rec.adSets().forEach(t -> baselines.put(t.adsetId(), t.currentBudget()));
        baselines.putAll(audit.startOfDayBudgets(ids, dryRun));
        for (AppliableRecommendation.Target t : rec.adSets()) {
            guardrails.checkAdSet(t, baselines);
        }
        return rec;
    }

    private ApplyResult.Item applyOne(
            AppliableRecommendation rec,
            String account,
            String currency,
            AppliableRecommendation.Target t,
            String action,
            BigDecimal beforeBudget,
            String beforeStatus,
            String requestedBy,
            boolean takenOver) {
        Map<String, String> params = new LinkedHashMap<>();
        BigDecimal after = t.pause() ? null : t.recommendedBudget();
        if (t.pause()) {
            params.put("status", "PAUSED");
        } else {
            params.put("daily_budget", Long.toString(Currencies.toMinor(t.recommendedBudget(), currency)));
        }
        String key = ApplyLedger.key(rec.id(), t.adsetId());
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("method", "POST");
        call.put("path", "/" + t.adsetId());
        call.put("params", params);
        String request = JSON.writeValueAsString(call);
        boolean alreadyThere = t.pause()
                ? "PAUSED".equals(beforeStatus)
                : beforeBudget != null
                        && Currencies.toMinor(beforeBudget, currency) == Currencies.toMinor(after, currency);
        String afterStatus = t.pause() ? "PAUSED" : beforeStatus;
        Change change = new Change(
                rec.id(),
                account,
                t.adsetId(),
                key,
                action,
                beforeBudget,
                after,
                beforeStatus,
                currency,
                requestedBy,
                request);
        if (alreadyThere && !dryRun) {
            return finish(
                    change,
                    afterStatus,
                    null,
                    ApplyOutcome.UNCHANGED,
                    null,
                    null,
                    null,
                    takenOver ? TAKEN_OVER_ALREADY_THERE : null);
        }
        if (dryRun) {
            return finish(change, afterStatus, null, ApplyOutcome.DRY_RUN, null, null, null, null);
        }
        String note = takenOver ? TAKEN_OVER_SENT : null;
        try {
            GraphCall sent = graph.updateAdSet(t.adsetId(), params);
            return finish(change, afterStatus, sent.response(), ApplyOutcome.APPLIED, null, null, null, note);
        } catch (GraphApiException e) {
            String field = e instanceof MetaValidationException v ? v.field() : null;
            String response = JSON.writeValueAsString(Map.of(
                    "http_status",
                    e.httpStatus(),
                    "code",
                    e.code(),
                    "message",
                    String.valueOf(e.getMessage()),
                    "fbtrace_id",
                    String.valueOf(e.fbtraceId())));
            return finish(change, beforeStatus, response, ApplyOutcome.FAILED, e.getMessage(), field, e.code(), note);
        }
    }

    /**
     * What one ad set's change is, whatever becomes of it.
     *
     * @param before currency per day before, nullable when unknown
     * @param after  currency per day asked for, null for a pause
     */
    private record Change(
            String recommendationId,
            String accountId,
            String adsetId,
            String key,
            String action,
            BigDecimal before,
            BigDecimal after,
            String beforeStatus,
            String currency,
            String requestedBy,
            String request) {}

    /** Audits the change with its outcome, closes its ledger row and answers its item. */
    private ApplyResult.Item finish(
            Change c,
            String afterStatus,
            String response,
            ApplyOutcome outcome,
            String error,
            String errorField,
            Integer errorCode,
            String note) {
        audit.record(new AuditEntry(
                0,
                null,
                c.accountId(),
                c.recommendationId(),
                c.adsetId(),
                c.key(),
                c.action(),
                c.before(),
                c.after(),
                c.beforeStatus(),
                afterStatus,
                c.currency(),
                c.requestedBy(),
                c.request(),
                response,
                outcome,
                error,
                dryRun,
                note));
        ledger.finish(c.recommendationId(), c.adsetId(), dryRun, outcome, error);
        return new ApplyResult.Item(
                c.adsetId(), c.action(), c.before(), c.after(), outcome, error, errorField, errorCode, note);
    }

    private ApplyResult summarise(String id, String account, List<ApplyResult.Item> items) {
        int changed = 0;
        int unchanged = 0;
        int already = 0;
        int failed = 0;
        for (ApplyResult.Item i : items) {
            switch (i.outcome()) {
                case APPLIED, DRY_RUN -> changed++;
                case UNCHANGED -> unchanged++;
                case ALREADY_APPLIED -> already++;
                default -> failed++;
            }
        }
        ApplyStatus status = dryRun
                ? ApplyStatus.DRY_RUN
                : failed == 0
                        ? ApplyStatus.APPLIED
                        : changed + unchanged + already == 0 ? ApplyStatus.FAILED : ApplyStatus.PARTIAL;
        return new ApplyResult(id, account, dryRun, status, changed, unchanged, already, failed, items);
    }

    private static boolean isFinal(ApplyOutcome status) {
        return status != null && status.isFinal();
    }
}
