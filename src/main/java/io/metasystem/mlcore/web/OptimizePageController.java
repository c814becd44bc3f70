package io.metasystem.mlcore.web;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.optimizer.BudgetRules;
import io.metasystem.mlcore.optimizer.InfeasibleBudgetException;
import io.metasystem.mlcore.optimizer.InvalidProblemException;
import io.metasystem.mlcore.optimizer.Objective;
import io.metasystem.mlcore.optimizer.Targets;
import io.metasystem.mlcore.recommendation.AccountOptimize;
import io.metasystem.mlcore.recommendation.HistoryRequest;
import io.metasystem.mlcore.recommendation.OptimizeSettings;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.InsightStore;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The account page's <em>Optimize now</em> form: {@code POST /dashboard/accounts/{account_id}/optimize} (CSRF,
 * full-access keys only: a read-only key gets 403) runs the {@code recommendation} package's {@link AccountOptimize}
 * use case on the account's stored history, the same one {@code POST /api/v1/accounts/{account_id}/optimize} runs
 * (the same fields give the same answer and seed), and redirects to the account page, which shows the new
 * recommendation; a refused request goes back to the form with the reason.
 */
@Controller
class OptimizePageController {
    static final String OPTIMIZE = Routes.DASHBOARD + "/accounts/{account_id}/optimize";
    /** The largest daily amount the form accepts, as the API's checks. */
    private static final double MAX_MONEY_PER_DAY = 1e9;
    /** The largest change ratio the form accepts. */
    private static final double MAX_RATIO = 1e6;

    private final AccountOptimize optimize;
    private final InsightStore insights;

    OptimizePageController(AccountOptimize optimize, InsightStore insights) {
        this.optimize = optimize;
        this.insights = insights;
    }

    @PostMapping(OPTIMIZE)
    String optimize(
            @PathVariable("account_id") String accountId,
            @RequestParam(name = "total", required = false) String total,
            @RequestParam(name = "objective", required = false) String objective,
            @RequestParam(name = "target_cpa", required = false) String targetCpa,
            @RequestParam(name = "max_change_ratio", required = false) String maxChangeRatio,
            RedirectAttributes redirect) {
        String id = AccountIds.canonical(accountId);
        if (!insights.accountExists(id)) {
            throw new PageNotFoundException("notfound.account", accountId);
        }
        String back = UriComponentsBuilder.fromPath(Routes.DASHBOARD + "/accounts/{id}")
                .buildAndExpand(id)
                .encode()
                .toUriString();
        try {
            Double budget = number("total", total, true, MAX_MONEY_PER_DAY);
            Double cpa = number("target_cpa", targetCpa, false, MAX_MONEY_PER_DAY);
            Double ratio = number("max_change_ratio", maxChangeRatio, false, MAX_RATIO);
            String goal = "revenue".equals(objective) ? "revenue" : "conversions";
            Map<String, Object> budgetSent = new LinkedHashMap<>();
            budgetSent.put("total", budget);
            if (ratio != null) {
                budgetSent.put("max_change_ratio", ratio);
            }
            Map<String, Object> targetsSent = cpa == null ? null : Map.of("cpa", cpa);
            // the request as the API would have received it: the same fields give the same seed and request hash
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("objective", goal);
            sent.put("budget", budgetSent);
            if (targetsSent != null) {
                sent.put("targets", targetsSent);
            }
            OptimizeSettings settings = OptimizeSettings.withDefaults(
                    Objective.valueOf(goal.toUpperCase(Locale.ROOT)),
                    new BudgetRules(budget, 0, null, ratio, null),
                    cpa == null ? Targets.NONE : new Targets(cpa, null));
            ObjectNode answer = optimize.optimize(
                    AccountOptimize.Request.withDefaults(
                            id,
                            settings,
                            new HistoryRequest.SeedBasis(goal, budgetSent, targetsSent, null, null, null)),
                    sent);
            redirect.addFlashAttribute(
                    "optimized", answer.path("recommendation_id").asString());
        } catch (ProblemException e) {
            String field = e.errors().isEmpty() ? null : e.errors().get(0).field();
            return refused(
                    redirect, back, field, e.getMessage(), new Form(total, objective, targetCpa, maxChangeRatio));
        } catch (InvalidProblemException e) {
            return refused(
                    redirect, back, e.field(), e.reason(), new Form(total, objective, targetCpa, maxChangeRatio));
        } catch (InfeasibleBudgetException e) {
            // the API's 422: the constraints cannot all hold (e.g. the total is out of reach of the change ratio)
            return refused(
                    redirect,
                    back,
                    e.constraint(),
                    e.getMessage(),
                    new Form(total, objective, targetCpa, maxChangeRatio));
        }
        return "redirect:" + back + "#recommendation";
    }

    /** Back to the form with the values typed, the field and the reason (as the API words it). */
    private static String refused(RedirectAttributes redirect, String back, String field, String reason, Form form) {
        redirect.addFlashAttribute("optimizeError", reason);
        redirect.addFlashAttribute("optimizeField", field);
        redirect.addFlashAttribute("optimizeForm", form);
        return "redirect:" + back + "#optimize";
    }

    /** The values typed, shown again after a refusal (public for the templates). */
    public record Form(String total, String objective, String targetCpa, String maxChangeRatio) {}

    /**
     * A form number: finite, &gt; 0 and at most {@code max}; blank is null unless required.
     *
     * @throws ProblemException naming the field otherwise
     */
    private static Double number(String field, String value, boolean required, double max) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number, was '" + value + "'");
        }
        if (!Double.isFinite(v) || v <= 0 || v > max) {
            throw new InvalidInputException(
                    field, "must be greater than 0 and at most " + (long) max + ", was " + value);
        }
        return v;
    }
}
