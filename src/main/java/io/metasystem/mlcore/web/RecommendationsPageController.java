package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.store.Recommendation;
import io.metasystem.mlcore.store.RecommendationOutcome;
import io.metasystem.mlcore.store.RecommendationStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /dashboard/accounts/{account_id}/recommendations}: the account's latest {@value #SHOWN} recommendations,
 * newest first, each with what it expected and what the next {@value #OUTCOME_DAYS} days of insights brought
 * (recommended spend vs realised spend, expected vs realised conversions), as {@code GET
 * /api/v1/recommendations/{id}/outcome} computes it.
 */
@Controller
class RecommendationsPageController {
    static final int SHOWN = 20;
    static final int OUTCOME_DAYS = 7;

    private final RecommendationStore recommendations;
    private final InsightStore insights;

    RecommendationsPageController(RecommendationStore recommendations, InsightStore insights) {
        this.recommendations = recommendations;
        this.insights = insights;
    }

    /** One row: the recommendation and its outcome. */
    record Row(Recommendation recommendation, RecommendationOutcome outcome) {}

    @GetMapping(Routes.DASHBOARD + "/accounts/{account_id}/recommendations")
    String recommendations(@PathVariable("account_id") String accountId, Model model) {
        if (accountId == null || accountId.isBlank() || !insights.accountExists(accountId)) {
            throw new PageNotFoundException("notfound.account", accountId);
        }
        String id = AccountIds.canonical(accountId);
        List<Row> rows = new ArrayList<>();
        for (Recommendation r : recommendations.list(id, null, null, 0, SHOWN).items()) {
            rows.add(new Row(r, recommendations.outcome(r.id(), OUTCOME_DAYS)));
        }
        model.addAttribute("accountId", id);
        model.addAttribute("rows", rows);
        model.addAttribute("outcomeDays", OUTCOME_DAYS);
        return "recommendations";
    }
}
