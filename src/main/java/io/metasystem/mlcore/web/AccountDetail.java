package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.Account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One account's page (public for the templates).
 *
 * @param days           length of the period in days
 * @param period         KPIs of the period against the one before; null when the account has no insight day
 * @param daily          one entry per day of the period
 * @param adSets         every stored ad set of the account with its totals over the period
 * @param recommendation the latest stored recommendation, null when there is none
 * @param breakdown      each campaign (its ad sets summed) followed by its ad sets, per day of the period
 */
public record AccountDetail(
        Account account,
        int days,
        PeriodComparison period,
        List<DayTotals.Daily> daily,
        List<AdSetRow> adSets,
        RecommendationView recommendation,
        List<Breakdown> breakdown) {
    public AccountDetail {
        daily = List.copyOf(daily);
        adSets = List.copyOf(adSets);
        breakdown = List.copyOf(breakdown);
    }

    /**
     * A campaign's or an ad set's figures per day.
     *
     * @param campaign true for a campaign (the sum of its ad sets), false for an ad set
     */
    public record Breakdown(boolean campaign, String id, String name, List<DayTotals.Daily> daily) {
        public Breakdown {
            daily = List.copyOf(daily);
        }
    }

    /**
     * The account's current total daily budget: the sum of the stored daily budgets of its ACTIVE ad sets, in the
     * account currency per day; null when none has one.
     */
    public BigDecimal currentTotalBudget() {
        BigDecimal total = adSets.stream()
                .map(AdSetRow::adSet)
                .filter(a -> "ACTIVE".equalsIgnoreCase(a.status()) && a.dailyBudget() != null)
                .map(a -> a.dailyBudget())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.signum() > 0 ? total.setScale(2, RoundingMode.HALF_UP) : null;
    }
}
