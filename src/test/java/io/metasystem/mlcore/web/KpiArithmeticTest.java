package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.DailyInsight;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KpiArithmeticTest {
    private static final LocalDate DAY = LocalDate.parse("2026-10-28");

    private static DailyInsight day(
            LocalDate date, String spend, Long impressions, Long clicks, String conversions, String revenue) {
        return new DailyInsight(
                "a",
                date,
                new BigDecimal(spend),
                impressions,
                clicks,
                conversions == null ? null : new BigDecimal(conversions),
                revenue == null ? null : new BigDecimal(revenue),
                null,
                "csv",
                null);
    }

    @Test
    void totalsComputeCpaRoasCpmAndCtrFromTheirSums() {
        DayTotals t = DayTotals.of(
                List.of(day(DAY, "30.00", 2000L, 40L, "3", "60.00"), day(DAY, "10.00", 2000L, 20L, "1", "20.00")));
        assertThat(t.spend()).isEqualByComparingTo("40.00");
        assertThat(t.cpa()).isCloseTo(10.0, within(1e-12));
        assertThat(t.roas()).isCloseTo(2.0, within(1e-12));
        assertThat(t.cpm()).isCloseTo(10.0, within(1e-12));
        assertThat(t.ctr()).isCloseTo(0.015, within(1e-12));
        assertThat(t.rows()).isEqualTo(2);
    }

    @Test
    void figuresThatCannotBeComputedAreNullNotZeroOrInfinite() {
        DayTotals noConversions = DayTotals.of(List.of(day(DAY, "12.00", null, null, "0", null)));
        assertThat(noConversions.cpa()).isNull();
        assertThat(noConversions.roas()).isNull();
        assertThat(noConversions.cpm()).isNull();
        assertThat(noConversions.ctr()).isNull();
        assertThat(DayTotals.EMPTY.roas()).isNull();
        assertThat(DayTotals.EMPTY.spend()).isZero();
    }

    @Test
    void perDayHasOneEntryForEveryDayIncludingDaysWithoutRows() {
        List<DayTotals.Daily> days = DayTotals.perDay(
                List.of(day(DAY.minusDays(2), "5.00", 100L, 1L, "1", null), day(DAY, "7.00", 100L, 1L, "1", null)),
                DAY.minusDays(3),
                DAY);
        assertThat(days)
                .extracting(DayTotals.Daily::date)
                .containsExactly(DAY.minusDays(3), DAY.minusDays(2), DAY.minusDays(1), DAY);
        assertThat(days).extracting(d -> d.totals().rows()).containsExactly(0L, 1L, 0L, 1L);
    }

    @Test
    void comparisonNamesBothPeriodsAndTheChangeOfEachKpi() {
        DayTotals current = DayTotals.of(List.of(day(DAY, "110.00", 10_000L, 100L, "10", "220.00")));
        DayTotals previous = DayTotals.of(List.of(day(DAY.minusDays(7), "100.00", 10_000L, 100L, "5", "100.00")));
        PeriodComparison c = PeriodComparison.of(7, DAY, current, previous);
        assertThat(c.from()).isEqualTo(LocalDate.parse("2026-10-22"));
        assertThat(c.previousFrom()).isEqualTo(LocalDate.parse("2026-10-15"));
        assertThat(c.previousTo()).isEqualTo(LocalDate.parse("2026-10-21"));
        assertThat(c.kpi("spend").change()).isCloseTo(0.10, within(1e-12));
        assertThat(c.kpi("spend").tone()).isEqualTo("neutral");
        assertThat(c.kpi("conversions").tone()).isEqualTo("good");
        // CPA fell from 20 to 11: lower is better
        assertThat(c.kpi("cpa").change()).isCloseTo(-0.45, within(1e-12));
        assertThat(c.kpi("cpa").tone()).isEqualTo("good");
        assertThat(c.kpi("cpm").tone()).isEqualTo("bad");
    }

    @Test
    void withoutAnEarlierPeriodThereIsNoChange() {
        PeriodComparison c = PeriodComparison.of(
                28, DAY, DayTotals.of(List.of(day(DAY, "10.00", 100L, 1L, "1", null))), DayTotals.EMPTY);
        assertThat(c.previousRows()).isZero();
        assertThat(c.kpis()).allSatisfy(k -> assertThat(k.change()).isNull());
    }
}
