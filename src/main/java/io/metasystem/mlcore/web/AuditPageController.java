package io.metasystem.mlcore.web;

import io.metasystem.mlcore.meta.AuditLog;
import io.metasystem.mlcore.meta.AuditPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dashboard/audit}: the {@code meta} audit of applied changes (live and dry runs), newest first,
 * {@value #PAGE_SIZE} a page, optionally of one account or one recommendation.
 */
@Controller
class AuditPageController {
    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping(Routes.AUDIT)
    String audit(
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "recommendation_id", required = false) String recommendationId,
            @RequestParam(name = "page", required = false) String page,
            Model model) {
        int p = page(page);
        AuditPage shown = audit.list(Routes.parameter(accountId), Routes.parameter(recommendationId), p, PAGE_SIZE);
        model.addAttribute("audit", shown);
        model.addAttribute("accountId", Routes.parameter(accountId));
        model.addAttribute("recommendationId", Routes.parameter(recommendationId));
        model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < shown.total());
        return "audit";
    }

    /** The asked 0-based page; 0 when absent or not a page number. */
    static int page(String value) {
        if (value != null) {
            try {
                int asked = Integer.parseInt(value.strip());
                if (asked >= 0 && asked < 100_000) {
                    return asked;
                }
            } catch (NumberFormatException e) {
                // an unreadable page shows the first one
            }
        }
        return 0;
    }
}
