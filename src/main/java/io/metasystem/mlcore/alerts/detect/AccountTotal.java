package io.metasystem.mlcore.alerts.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account-level series: the day-by-day sum of an account's ad-set series. Counts and money add up, so the rates
 * of the sum (CTR, CVR, CPM) are the account's own, and a deviation too small to see on any one low-volume ad set can
 * show on the total. Pure: records in, a record out.
 */
public final class AccountTotal {
    /** The {@code adset_id} that answers and alerts give the account-level series. */
    public static final String SERIES_ID = "account_total";

    private AccountTotal() {}

    /**
     * Sums the series by date. A count is the sum of the ad sets that report it that day, null when none does. The
     * total is active when any ad set is; its daily budget is the sum of the active ad sets' budgets, null when an
     * active ad set's budget is unknown (then no pacing check).
     *
     * @param series the account's ad-set series, not null; dates need not align
     * @return the summed series named {@value #SERIES_ID}, or null when fewer than two series are given (the total
     *     would repeat the only ad set)
     */
    public static SeriesInput of(List<SeriesInput> series) {
        if (series.size() < 2) {
            return null;
        }
        Map<LocalDate, double[]> sums = new TreeMap<>();
        Map<LocalDate, boolean[]> known = new TreeMap<>();
        boolean active = false;
        double budget = 0;
        boolean budgetKnown = true;
        for (SeriesInput s : series) {
            if (s.active()) {
                active = true;
                if (s.dailyBudget() == null) {
                    budgetKnown = false;
                } else {
                    budget += s.dailyBudget();
                }
            }
            for (DayRow d : s.days()) {
                double[] sum = sums.computeIfAbsent(d.date(), k -> new double[5]);
                boolean[] has = known.computeIfAbsent(d.date(), k -> new boolean[5]);
                sum[0] += d.spend();
                has[0] = true;
                add(sum, has, 1, d.impressions());
                add(sum, has, 2, d.clicks());
                add(sum, has, 3, d.conversions());
                add(sum, has, 4, d.revenue());
            }
        }
        List<DayRow> rows = new ArrayList<>(sums.size());
        for (Map.Entry<LocalDate, double[]> e : sums.entrySet()) {
            double[] sum = e.getValue();
            boolean[] has = known.get(e.getKey());
            rows.add(new DayRow(
                    e.getKey(),
                    sum[0],
                    has[1] ? sum[1] : null,
                    has[2] ? sum[2] : null,
                    has[3] ? sum[3] : null,
                    has[4] ? sum[4] : null));
        }
        return new SeriesInput(SERIES_ID, "account total", active, active && budgetKnown ? budget : null, rows);
    }

    private static void add(double[] sum, boolean[] has, int i, Double value) {
        if (value != null) {
            sum[i] += value;
            has[i] = true;
        }
    }
}
