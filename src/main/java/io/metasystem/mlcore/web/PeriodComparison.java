package io.metasystem.mlcore.web;

import java.time.LocalDate;
import java.util.List;

/**
 * KPIs of the {@code days} days ending on {@code to} against the {@code days} days before.
 *
 * @param from         first day of the period (inclusive)
 * @param to           last day of the period (inclusive): the account's latest stored day
 * @param previousFrom first day of the period before
 * @param previousTo   last day of the period before ({@code from − 1})
 * @param previousRows insight rows in the period before (0: no comparison)
 */
public record PeriodComparison(
        int days,
        LocalDate from,
        LocalDate to,
        LocalDate previousFrom,
        LocalDate previousTo,
        long previousRows,
        List<Kpi> kpis) {
    public PeriodComparison {
        kpis = List.copyOf(kpis);
    }

    /** The comparison of two periods' totals. */
    static PeriodComparison of(int days, LocalDate to, DayTotals current, DayTotals previous) {
        LocalDate from = to.minusDays(days - 1L);
        boolean compare = previous.rows() > 0;
        List<Kpi> kpis = List.of(
                new Kpi(
                        "spend",
                        Kpi.Kind.MONEY,
                        current.spend().doubleValue(),
                        compare ? previous.spend().doubleValue() : null,
                        Kpi.Direction.NEITHER),
                new Kpi(
                        "conversions",
                        Kpi.Kind.COUNT,
                        current.conversions() == null
                                ? null
                                : current.conversions().doubleValue(),
                        compare && previous.conversions() != null
                                ? previous.conversions().doubleValue()
                                : null,
                        Kpi.Direction.UP),
                new Kpi("cpa", Kpi.Kind.MONEY, current.cpa(), compare ? previous.cpa() : null, Kpi.Direction.DOWN),
                new Kpi("roas", Kpi.Kind.MULTIPLE, current.roas(), compare ? previous.roas() : null, Kpi.Direction.UP),
                new Kpi("cpm", Kpi.Kind.MONEY, current.cpm(), compare ? previous.cpm() : null, Kpi.Direction.DOWN),
                new Kpi("ctr", Kpi.Kind.PERCENT, current.ctr(), compare ? previous.ctr() : null, Kpi.Direction.UP));
        return new PeriodComparison(days, from, to, from.minusDays(days), from.minusDays(1), previous.rows(), kpis);
    }

    /** The tile of one KPI by name. */
    public Kpi kpi(String name) {
        return kpis.stream()
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no KPI " + name));
    }
}
