package io.metasystem.mlcore.web;

import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.meta.ApplyResult;
import io.metasystem.mlcore.meta.ApplyService;
import io.metasystem.mlcore.meta.AuditLog;
import io.metasystem.mlcore.meta.GuardrailViolationException;
import io.metasystem.mlcore.meta.MetaNotConfiguredException;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.Recommendation;
import io.metasystem.mlcore.store.RecommendationStore;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Applying a stored recommendation from the account page, through the {@code meta} package's {@link ApplyService}
 * (guardrails, idempotency ledger, audit): {@code GET …/apply} is the confirmation step, a preview that runs the
 * guardrails and lists every change (in DUMMY_MODE a dry run: nothing leaves the service); {@code POST …/apply}
 * (CSRF-protected, full-access keys only: a read-only key gets 403) applies and shows the result with its audit rows.
 */
@Controller
class ApplyPageController {
    static final String APPLY = Routes.DASHBOARD + "/accounts/{account_id}/recommendations/{id}/apply";
    /** Audit rows shown under a result. */
    static final int AUDIT_ROWS = 200;

    private final ApplyService apply;
    private final AuditLog audit;
    private final RecommendationStore recommendations;

    ApplyPageController(ApplyService apply, AuditLog audit, RecommendationStore recommendations) {
        this.apply = apply;
        this.audit = audit;
        this.recommendations = recommendations;
    }

    @GetMapping(APPLY)
    String preview(
            @PathVariable("account_id") String accountId,
            @PathVariable("id") String id,
            Authentication who,
            Model model) {
        Recommendation r = recommendation(accountId, id);
        model.addAttribute("recommendation", RecommendationView.of(r));
        model.addAttribute("accountId", r.accountId());
        model.addAttribute("dryRun", apply.dryRun());
        model.addAttribute("canEdit", WebSecurity.canEdit(who));
        try {
            apply.preview(id);
        } catch (GuardrailViolationException e) {
            model.addAttribute("refusal", e.getMessage());
            model.addAttribute("guardrail", e.guardrail());
        }
        return "apply";
    }

    @PostMapping(APPLY)
    String apply(
            @PathVariable("account_id") String accountId,
            @PathVariable("id") String id,
            Model model,
            HttpServletResponse response) {
        Recommendation r = recommendation(accountId, id);
        model.addAttribute("recommendation", RecommendationView.of(r));
        model.addAttribute("accountId", r.accountId());
        model.addAttribute("dryRun", apply.dryRun());
        try {
            ApplyResult result = apply.apply(id, "dashboard");
            model.addAttribute("result", result);
        } catch (GuardrailViolationException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", e.getMessage());
            model.addAttribute("guardrail", e.guardrail());
        } catch (MetaNotConfiguredException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", e.getMessage());
        }
        model.addAttribute("audit", audit.list(r.accountId(), id, 0, AUDIT_ROWS).items());
        return "apply-result";
    }

    /** The recommendation when it exists and belongs to the account, else a 404 page. */
    private Recommendation recommendation(String accountId, String id) {
        Recommendation r;
        try {
            r = recommendations.get(id);
        } catch (NotFoundException e) {
            throw new PageNotFoundException("notfound.recommendation", id);
        }
        if (r.accountId() == null || accountId == null || !r.accountId().equals(AccountIds.canonical(accountId))) {
            throw new PageNotFoundException("notfound.recommendation", id);
        }
        return r;
    }
}
