package io.metasystem.mlcore.web;

import io.metasystem.mlcore.alerts.AnomalyService;
import io.metasystem.mlcore.alerts.detect.Anomaly;
import io.metasystem.mlcore.alerts.detect.DetectionSettings;
import io.metasystem.mlcore.alerts.detect.Metric;
import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.store.Account;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard pages: {@code /dashboard} (every account's KPIs and trend) and
 * {@code /dashboard/accounts/{account_id}} (one account's KPI evolution, ad sets and latest recommendation).
 * Both need a signed-in session ({@link WebSecurity}).
 */
@Controller
class DashboardController {
    private final DashboardData data;
    private final MessageSource messages;
    private final MetaProperties meta;
    private final LastImports lastImports;
    private final AnomalyService anomalies;

    DashboardController(
            DashboardData data,
            MessageSource messages,
            MetaProperties meta,
            LastImports lastImports,
            AnomalyService anomalies) {
        this.data = data;
        this.messages = messages;
        this.meta = meta;
        this.lastImports = lastImports;
        this.anomalies = anomalies;
    }

    @GetMapping(Routes.DASHBOARD)
    String overview(Authentication who, Model model, Locale locale) {
        List<AccountSummary> accounts = data.overview();
        Map<String, String> charts = new LinkedHashMap<>();
        for (AccountSummary a : accounts) {
            if (!a.trend().isEmpty()) {
                charts.put(a.account().id(), spendAndConversions(a.trend(), a.account(), locale));
            }
        }
        model.addAttribute("accounts", accounts);
        model.addAttribute("canEdit", WebSecurity.canEdit(who));
        model.addAttribute("charts", charts);
        model.addAttribute(
                "baseUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return "dashboard";
    }

    @GetMapping(Routes.DASHBOARD + "/accounts/{account_id}")
    String account(
            @PathVariable("account_id") String accountId,
            @RequestParam(name = "days", required = false) String days,
            Authentication who,
            Model model,
            Locale locale) {
        int period = period(days);
        AccountDetail detail = data.account(accountId, period)
                .orElseThrow(() -> new PageNotFoundException("notfound.account", accountId));
        model.addAttribute("detail", detail);
        model.addAttribute("periods", DashboardData.PERIODS);
        model.addAttribute("canEdit", WebSecurity.canEdit(who));
        model.addAttribute("lastImport", lastImports.last(detail.account().id()).orElse(null));
        model.addAttribute("optimizeRatio", meta.maxChangeRatio().signum() > 0 ? meta.maxChangeRatio() : null);
        if (!detail.daily().isEmpty()) {
            List<LocalDate> shown =
                    detail.daily().stream().map(DayTotals.Daily::date).toList();
            List<Anomaly> found = anomalies
                    .detectStored(
                            detail.account().id(),
                            shown.get(0),
                            shown.get(shown.size() - 1),
                            DetectionSettings.defaults().withRange(shown.get(0), shown.get(shown.size() - 1)))
                    .anomalies();
            Map<String, String> names = new HashMap<>();
            detail.adSets().forEach(a -> names.put(a.adSet().id(), a.adSet().name()));
            model.addAttribute("anomalyCount", found.size());
            List<Double> spend = ChartData.of(detail.daily(), t -> ChartData.money(t.spend()));
            List<? extends Number> conversions = ChartData.of(detail.daily(), DayTotals::conversions);
            List<? extends Number> cpa = ChartData.of(detail.daily(), DayTotals::cpa);
            List<? extends Number> roas = ChartData.of(detail.daily(), DayTotals::roas);
            model.addAttribute(
                    "volumeChart",
                    ChartData.days(detail.daily(), detail.account().currency())
                            .series(label("kpi.spend", locale), "bar", 0, "money", spend)
                            .marks(AnomalyMarks.of(found, shown, spend, Metric.SPEND, AnomalyMarks.SPEND_SERIES, names))
                            .series(label("kpi.conversions", locale), "line", 1, "count", conversions)
                            .marks(AnomalyMarks.of(
                                    found,
                                    shown,
                                    conversions,
                                    Metric.CONVERSIONS,
                                    AnomalyMarks.CONVERSIONS_SERIES,
                                    names))
                            .json());
            model.addAttribute(
                    "efficiencyChart",
                    ChartData.days(detail.daily(), detail.account().currency())
                            .series(label("kpi.cpa", locale), "line", 0, "money", cpa)
                            .marks(AnomalyMarks.of(found, shown, cpa, Metric.CPA, Set.of(), names))
                            .series(label("kpi.roas", locale), "line", 1, "multiple", roas)
                            .marks(AnomalyMarks.of(found, shown, roas, Metric.ROAS, Set.of(), names))
                            .json());
        }
        Map<String, String> breakdownCharts = new LinkedHashMap<>();
        for (AccountDetail.Breakdown b : detail.breakdown()) {
            breakdownCharts.put(
                    (b.campaign() ? "campaign-" : "adset-") + b.id(),
                    spendAndConversions(b.daily(), detail.account(), locale));
        }
        model.addAttribute("breakdownCharts", breakdownCharts);
        RecommendationView r = detail.recommendation();
        if (r != null && !r.lines().isEmpty()) {
            List<String> names = r.lines().stream()
                    .map(l -> l.name() == null ? l.adsetId() : l.name())
                    .toList();
            model.addAttribute(
                    "budgetChart",
                    ChartData.categories(names, r.currency())
                            .series(
                                    label("recommendation.current", locale),
                                    "bar",
                                    0,
                                    "money",
                                    r.lines().stream()
                                            .map(RecommendationView.Line::currentBudget)
                                            .toList())
                            .series(
                                    label("recommendation.recommended", locale),
                                    "bar",
                                    0,
                                    "money",
                                    r.lines().stream()
                                            .map(RecommendationView.Line::recommendedBudget)
                                            .toList())
                            .json());
            model.addAttribute(
                    "curveCharts",
                    ResponseCurveCharts.of(
                            r,
                            new ResponseCurveCharts.Labels(
                                    label("curve.expected", locale),
                                    label("recommendation.current", locale),
                                    label("recommendation.recommended", locale))));
        }
        return "account";
    }

    private String spendAndConversions(List<DayTotals.Daily> days, Account account, Locale locale) {
        return ChartData.days(days, account.currency())
                .series(
                        label("kpi.spend", locale),
                        "bar",
                        0,
                        "money",
                        ChartData.of(days, t -> ChartData.money(t.spend())))
                .series(
                        label("kpi.conversions", locale),
                        "line",
                        1,
                        "count",
                        ChartData.of(days, DayTotals::conversions))
                .json();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The asked period when the page offers it, else {@link DashboardData#DEFAULT_PERIOD}. */
    static int period(String days) {
        if (days != null) {
            try {
                int asked = Integer.parseInt(days.strip());
                if (DashboardData.PERIODS.contains(asked)) {
                    return asked;
                }
            } catch (NumberFormatException e) {
                // an unsupported period shows the default one
            }
        }
        return DashboardData.DEFAULT_PERIOD;
    }
}
