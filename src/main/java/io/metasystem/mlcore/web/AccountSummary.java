package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.Account;

import java.util.List;

/**
 * One account on the overview (public for the templates).
 *
 * @param week  last 7 days against the 7 before; null when the account has no insight day
 * @param month last 28 days against the 28 before; null likewise
 * @param trend the last 28 days, one entry per day (empty without data)
 */
public record AccountSummary(
        Account account, PeriodComparison week, PeriodComparison month, List<DayTotals.Daily> trend) {
    public AccountSummary {
        trend = List.copyOf(trend);
    }
}
