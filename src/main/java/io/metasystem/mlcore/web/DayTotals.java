package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.DailyInsight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of stored insight days: one day of an account, one ad set over a period, or a whole period. Money in the
 * account currency.
 *
 * @param spend       never null (zero without rows)
 * @param conversions null when no row reported conversions
 * @param revenue     null when no row reported a conversion value
 * @param impressions null when no row reported impressions
 * @param clicks      null when no row reported clicks
 * @param rows        insight rows summed
 */
public record DayTotals(
        BigDecimal spend, BigDecimal conversions, BigDecimal revenue, Long impressions, Long clicks, long rows) {
    static final DayTotals EMPTY = new DayTotals(BigDecimal.ZERO, null, null, null, null, 0);

    public DayTotals {
        spend = spend == null ? BigDecimal.ZERO : spend;
    }

    /** The sum of rows. */
    static DayTotals of(Collection<DailyInsight> insights) {
        DayTotals total = EMPTY;
        for (DailyInsight i : insights) {
            total = total.plus(i);
        }
        return total;
    }

    /** Totals per day between {@code from} and {@code to} (inclusive), days without rows as {@link #EMPTY}. */
    static List<Daily> perDay(Collection<DailyInsight> insights, LocalDate from, LocalDate to) {
        Map<LocalDate, DayTotals> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, EMPTY);
        }
        for (DailyInsight i : insights) {
            days.computeIfPresent(i.date(), (d, t) -> t.plus(i));
        }
        List<Daily> out = new ArrayList<>(days.size());
        days.forEach((d, t) -> out.add(new Daily(d, t)));
        return out;
    }

    DayTotals plus(DailyInsight i) {
        return new DayTotals(
                spend.add(i.spend() == null ? BigDecimal.ZERO : i.spend()),
                add(conversions, i.conversions()),
                add(revenue, i.revenue()),
                add(impressions, i.impressions()),
                add(clicks, i.clicks()),
                rows + 1);
    }

    /** Spend per conversion; null without conversions. */
    public Double cpa() {
        return conversions == null || conversions.signum() == 0
                ? null
                : spend.doubleValue() / conversions.doubleValue();
    }

    /** Conversion value per unit of spend; null without spend or without any reported value. */
    public Double roas() {
        return revenue == null || spend.signum() == 0 ? null : revenue.doubleValue() / spend.doubleValue();
    }

    /** Spend per thousand impressions; null without impressions. */
    public Double cpm() {
        return impressions == null || impressions == 0 ? null : spend.doubleValue() * 1000.0 / impressions;
    }

    /** Clicks per impression (a ratio, 0.0123 = 1.23 %); null without impressions or clicks. */
    public Double ctr() {
        return impressions == null || impressions == 0 || clicks == null ? null : clicks / (double) impressions;
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }

    private static Long add(Long sum, Long value) {
        // no conditional expression here: mixing Long and long in one would unbox a null sum
        if (value == null) {
            return sum;
        }
        if (sum == null) {
            return value;
        }
        return Long.valueOf(sum + value);
    }

    /** The totals of one day. */
    public record Daily(LocalDate date, DayTotals totals) {}
}
