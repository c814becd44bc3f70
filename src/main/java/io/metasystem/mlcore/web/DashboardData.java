package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.Account;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.AdSet;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.store.Page;
import io.metasystem.mlcore.store.Recommendation;
import io.metasystem.mlcore.store.RecommendationStore;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages show, read from the store: every account with its KPIs, one account's days, ad sets and latest
 * recommendation. Periods end on the account's latest stored day, not on today, so an account imported last week
 * still shows full periods.
 */
@Service
class DashboardData {
    /** Days of the trend on the overview. */
    static final int TREND_DAYS = 28;
    /** Periods the account page offers. */
    static final List<Integer> PERIODS = List.of(7, 28, 90);
    /** Period of the account page when none (or an unsupported one) is asked for. */
    static final int DEFAULT_PERIOD = 28;
    /** Ad sets the account page breaks its daily figures down to. */
    static final int MAX_BREAKDOWN_AD_SETS = 24;

    private static final int PAGE = 1000;
    private static final int INSIGHT_PAGE = 10_000;

    private final InsightStore insights;
    private final RecommendationStore recommendations;

    DashboardData(InsightStore insights, RecommendationStore recommendations) {
        this.insights = insights;
        this.recommendations = recommendations;
    }

    /** Every stored account with its 7- and 28-day KPIs and trend, ordered by id. */
    List<AccountSummary> overview() {
        List<AccountSummary> out = new ArrayList<>();
        for (Account a : accounts()) {
            out.add(summary(a));
        }
        return out;
    }

    /**
     * One account's page: KPIs and days of the {@code days} days ending on its latest stored day, its ad sets with
     * their totals over that period, and its latest recommendation.
     *
     * @return empty when the account is not stored
     */
    Optional<AccountDetail> account(String accountId, int days) {
        if (accountId == null || accountId.isBlank() || !insights.accountExists(accountId)) {
            return Optional.empty();
        }
        Account account = accounts().stream()
                .filter(a -> a.id().equals(AccountIds.canonical(accountId)))
                .findFirst()
                .orElse(null);
        if (account == null) {
            return Optional.empty();
        }
        RecommendationView latest = latestRecommendation(account.id());
        List<AdSet> adSets = adSets(account.id());
        LocalDate last = account.lastDate();
        if (last == null) {
            return Optional.of(
                    new AccountDetail(account, days, null, List.of(), rows(adSets, List.of()), latest, List.of()));
        }
        LocalDate from = last.minusDays(days - 1L);
        List<DailyInsight> all = insights(account.id(), from.minusDays(days), last);
        List<DailyInsight> current =
                all.stream().filter(i -> !i.date().isBefore(from)).toList();
        List<DailyInsight> previous =
                all.stream().filter(i -> i.date().isBefore(from)).toList();
        PeriodComparison period = PeriodComparison.of(days, last, DayTotals.of(current), DayTotals.of(previous));
        return Optional.of(new AccountDetail(
                account,
                days,
                period,
                DayTotals.perDay(current, from, last),
                rows(adSets, current),
                latest,
                breakdown(adSets, current, from, last)));
    }

    /**
     * Per campaign (in the order of their first ad set) then its ad sets: the period's figures per day, for the
     * ad sets with data in the period, at most {@value #MAX_BREAKDOWN_AD_SETS} ad sets (those that spent most).
     */
    static List<AccountDetail.Breakdown> breakdown(
            List<AdSet> adSets, List<DailyInsight> current, LocalDate from, LocalDate last) {
        Map<String, List<DailyInsight>> byAdSet = new HashMap<>();
        current.forEach(i ->
                byAdSet.computeIfAbsent(i.adsetId(), k -> new ArrayList<>()).add(i));
        List<AdSet> shown = adSets.stream()
                .filter(a -> byAdSet.containsKey(a.id()))
                .sorted(Comparator.comparing(
                                (AdSet a) -> DayTotals.of(byAdSet.get(a.id())).spend())
                        .reversed())
                .limit(MAX_BREAKDOWN_AD_SETS)
                .toList();
        Map<String, List<AdSet>> byCampaign = new LinkedHashMap<>();
        shown.forEach(a -> byCampaign
                .computeIfAbsent(a.campaignId() == null ? "" : a.campaignId(), k -> new ArrayList<>())
                .add(a));
        List<AccountDetail.Breakdown> out = new ArrayList<>();
        byCampaign.forEach((campaignId, members) -> {
            if (!campaignId.isEmpty()) {
                List<DailyInsight> rows = members.stream()
                        .flatMap(a -> byAdSet.get(a.id()).stream())
                        .toList();
                String name = members.get(0).campaignName();
                out.add(new AccountDetail.Breakdown(
                        true, campaignId, name == null ? campaignId : name, DayTotals.perDay(rows, from, last)));
            }
            for (AdSet a : members) {
                out.add(new AccountDetail.Breakdown(
                        false,
                        a.id(),
                        a.name() == null ? a.id() : a.name(),
                        DayTotals.perDay(byAdSet.get(a.id()), from, last)));
            }
        });
        return out;
    }

    private AccountSummary summary(Account account) {
        LocalDate last = account.lastDate();
        if (last == null) {
            return new AccountSummary(account, null, null, List.of());
        }
        List<DailyInsight> all = insights(account.id(), last.minusDays(2L * TREND_DAYS - 1), last);
        return new AccountSummary(
                account,
                compare(all, 7, last),
                compare(all, TREND_DAYS, last),
                DayTotals.perDay(
                        all.stream()
                                .filter(i -> !i.date().isBefore(last.minusDays(TREND_DAYS - 1L)))
                                .toList(),
                        last.minusDays(TREND_DAYS - 1L),
                        last));
    }

    private static PeriodComparison compare(List<DailyInsight> all, int days, LocalDate last) {
        LocalDate from = last.minusDays(days - 1L);
        LocalDate previousFrom = from.minusDays(days);
        List<DailyInsight> current = new ArrayList<>();
        List<DailyInsight> previous = new ArrayList<>();
        for (DailyInsight i : all) {
            if (!i.date().isBefore(from) && !i.date().isAfter(last)) {
                current.add(i);
            } else if (!i.date().isBefore(previousFrom) && i.date().isBefore(from)) {
                previous.add(i);
            }
        }
        return PeriodComparison.of(days, last, DayTotals.of(current), DayTotals.of(previous));
    }

    private static List<AdSetRow> rows(List<AdSet> adSets, List<DailyInsight> days) {
        Map<String, List<DailyInsight>> byAdSet = new HashMap<>();
        days.forEach(d ->
                byAdSet.computeIfAbsent(d.adsetId(), k -> new ArrayList<>()).add(d));
        return adSets.stream()
                .map(a -> new AdSetRow(a, DayTotals.of(byAdSet.getOrDefault(a.id(), List.of()))))
                .toList();
    }

    private RecommendationView latestRecommendation(String accountId) {
        Page<Recommendation> page = recommendations.list(accountId, null, null, 0, 1);
        if (page.items().isEmpty()) {
            return null;
        }
        return RecommendationView.of(recommendations.get(page.items().get(0).id()));
    }

    private List<Account> accounts() {
        List<Account> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Account> p = insights.accounts(page, PAGE);
            out.addAll(p.items());
            if (p.items().size() < PAGE || out.size() >= p.total()) {
                return out;
            }
        }
    }

    private List<AdSet> adSets(String accountId) {
        List<AdSet> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<AdSet> p = insights.adSets(accountId, page, PAGE);
            out.addAll(p.items());
            if (p.items().size() < PAGE || out.size() >= p.total()) {
                return out;
            }
        }
    }

    private List<DailyInsight> insights(String accountId, LocalDate from, LocalDate to) {
        List<DailyInsight> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<DailyInsight> p = insights.insights(accountId, from, to, null, page, INSIGHT_PAGE);
            out.addAll(p.items());
            if (p.items().size() < INSIGHT_PAGE || out.size() >= p.total()) {
                return out;
            }
        }
    }
}
