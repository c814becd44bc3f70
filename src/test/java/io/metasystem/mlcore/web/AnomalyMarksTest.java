package io.metasystem.mlcore.web;

import io.metasystem.mlcore.alerts.detect.AccountTotal;
import io.metasystem.mlcore.alerts.detect.Anomaly;
import io.metasystem.mlcore.alerts.detect.AnomalyKind;
import io.metasystem.mlcore.alerts.detect.Direction;
import io.metasystem.mlcore.alerts.detect.Metric;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which anomalies mark which series, and the expected band on the series' scale (closed form). */
class AnomalyMarksTest {
    private static final LocalDate D1 = LocalDate.of(2026, 10, 16);
    private static final LocalDate D2 = LocalDate.of(2026, 10, 17);
    private static final List<LocalDate> DAYS = List.of(D1, D2);
    private static final List<Double> ACCOUNT_SPEND = List.of(60.0, 40.0);

    private static Anomaly anomaly(String adset, LocalDate day, Metric metric, double observed) {
        return new Anomaly(
                adset, day, metric, AnomalyKind.DELIVERY_STOP, Direction.DOWN, observed, 20, 15, 25, 5, "stopped");
    }

    @Test
    void anAdSetsBandIsTheAccountsDayWithThatAdSetAtItsExpectedValue() {
        List<Map<String, Object>> marks = AnomalyMarks.of(
                List.of(anomaly("a1", D2, Metric.SPEND, 2)),
                DAYS,
                ACCOUNT_SPEND,
                Metric.SPEND,
                AnomalyMarks.SPEND_SERIES,
                Map.of("a1", "Reels"));
        assertThat(marks).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("index", 1).containsEntry("adset", "Reels");
            // 40 spent by the account, 2 of them by a1, which was expected at 20 [15, 25]
            assertThat(m)
                    .containsEntry("expected", 58.0)
                    .containsEntry("lo", 53.0)
                    .containsEntry("hi", 63.0);
        });
    }

    @Test
    void theAccountTotalsBandIsAsDetectedAndOtherMetricsOnlyMark() {
        List<Map<String, Object>> marks = AnomalyMarks.of(
                List.of(
                        anomaly(AccountTotal.SERIES_ID, D1, Metric.SPEND, 30),
                        anomaly("a1", D1, Metric.CPM, 9),
                        anomaly("a1", D1, Metric.CTR, 0.01),
                        anomaly("a1", D1.minusDays(1), Metric.SPEND, 1)),
                DAYS,
                ACCOUNT_SPEND,
                Metric.SPEND,
                AnomalyMarks.SPEND_SERIES,
                Map.of());
        assertThat(marks).extracting(m -> m.get("metric")).containsExactly("spend", "cpm");
        assertThat(marks.get(0))
                .containsEntry("adset", null)
                .containsEntry("expected", 20.0)
                .containsEntry("lo", 15.0)
                .containsEntry("hi", 25.0);
        assertThat(marks.get(1)).doesNotContainKey("expected");
        assertThat(AnomalyMarks.of(
                        List.of(anomaly("a1", D1, Metric.CTR, 0.01)),
                        DAYS,
                        ACCOUNT_SPEND,
                        Metric.CPA,
                        Set.of(),
                        Map.of()))
                .isEmpty();
    }
}
