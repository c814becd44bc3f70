package io.metasystem.mlcore.alerts.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTotalTest {
    @Test
    void sumsCountsAndMoneyByDateAcrossAdSetsWhoseDatesDoNotAlign() {
        SeriesInput a = new SeriesInput(
                "a",
                null,
                true,
                10.0,
                List.of(
                        new DayRow(Series.START, 10, 1000.0, 20.0, 2.0, 8.0),
                        new DayRow(Series.START.plusDays(1), 12, 1100.0, 21.0, null, 9.0)));
        SeriesInput b = new SeriesInput(
                "b",
                null,
                true,
                5.0,
                List.of(
                        new DayRow(Series.START.plusDays(1), 5, 400.0, 9.0, 1.0, null),
                        new DayRow(Series.START.plusDays(2), 6, null, 10.0, 2.0, 3.0)));

        SeriesInput total = AccountTotal.of(List.of(a, b));

        assertThat(total.adsetId()).isEqualTo(AccountTotal.SERIES_ID);
        assertThat(total.dailyBudget()).isEqualTo(15.0);
        assertThat(total.days())
                .containsExactly(
                        new DayRow(Series.START, 10, 1000.0, 20.0, 2.0, 8.0),
                        new DayRow(Series.START.plusDays(1), 17, 1500.0, 30.0, 1.0, 9.0),
                        new DayRow(Series.START.plusDays(2), 6, null, 10.0, 2.0, 3.0));
    }

    @Test
    void oneAdSetHasNoTotalAndAnUnknownActiveBudgetMeansNoPacing() {
        SeriesInput a = Series.input(Series.steady(10));
        assertThat(AccountTotal.of(List.of(a))).isNull();

        SeriesInput unknown = new SeriesInput("u", null, true, null, Series.steady(10));
        SeriesInput paused = new SeriesInput("p", null, false, null, Series.steady(10));
        assertThat(AccountTotal.of(List.of(a, unknown)).dailyBudget()).isNull();
        assertThat(AccountTotal.of(List.of(a, paused)).dailyBudget()).isEqualTo(40.0);
    }

    @Test
    void aCvrDropTooSmallForEachAdSetShowsOnTheAccountTotal() {
        List<SeriesInput> adsets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int shift = i;
            List<DayRow> rows = new ArrayList<>(Series.build(
                    60,
                    d -> new DayRow(
                            Series.START.plusDays(d), 40 * Series.wobble(d + shift, 0.02), null, null, null, null)));
            for (int d = 45; d < 60; d++) {
                DayRow r = rows.get(d);
                // 40 a day at CPM 6 and CTR 1.5 %: 100 clicks, 10 conversions a day at 10 %, 5 at the dropped 5 %
                rows.set(d, Series.complete(r.date(), r.spend(), 6.0, 0.015, 0.05));
            }
            adsets.add(new SeriesInput("adset-" + i, null, true, 40.0, rows));
        }
        AnomalyDetector detector = new AnomalyDetector();
        DetectionSettings settings = DetectionSettings.defaults();

        List<Anomaly> perAdSet = detector.detect(adsets, settings).anomalies().stream()
                .filter(a -> a.metric() == Metric.CVR && a.date().equals(Series.START.plusDays(45)))
                .toList();
        List<Anomaly> onTotal = detector.detect(List.of(AccountTotal.of(adsets)), settings).anomalies().stream()
                .filter(a -> a.metric() == Metric.CVR)
                .toList();

        assertThat(perAdSet).hasSizeLessThan(adsets.size());
        assertThat(onTotal).singleElement().satisfies(a -> {
            assertThat(a.adsetId()).isEqualTo(AccountTotal.SERIES_ID);
            assertThat(a.kind()).isEqualTo(AnomalyKind.LEVEL_SHIFT);
            assertThat(a.direction()).isEqualTo(Direction.DOWN);
            assertThat(a.date()).isEqualTo(Series.START.plusDays(45));
        });
    }
}
