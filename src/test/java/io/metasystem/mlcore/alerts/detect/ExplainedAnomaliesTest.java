package io.metasystem.mlcore.alerts.detect;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainedAnomaliesTest {
    private static Anomaly anomaly(int day, Metric metric, AnomalyKind kind, Direction direction) {
        LocalDate date = Series.START.plusDays(day);
        return new Anomaly("a1", date, metric, kind, direction, 1, 2, 1.5, 2.5, 1e-6, metric.wireName() + " moved.");
    }

    @Test
    void conversionsFallingAfterACtrDropAreFoldedIntoItAndNamedInItsReason() {
        Anomaly ctr = anomaly(10, Metric.CTR, AnomalyKind.LEVEL_SHIFT, Direction.DOWN);
        Anomaly conversions = anomaly(13, Metric.CONVERSIONS, AnomalyKind.LEVEL_SHIFT, Direction.DOWN);

        List<Anomaly> folded = ExplainedAnomalies.fold(List.of(conversions, ctr));

        assertThat(folded).singleElement().satisfies(a -> {
            assertThat(a.metric()).isEqualTo(Metric.CTR);
            assertThat(a.reason())
                    .isEqualTo(
                            "ctr moved. It also explains the conversions level shift on " + conversions.date() + ".");
        });
    }

    @Test
    void aCpmRiseExplainsFewerConversionsButNotMoreAndNotAfterAWeek() {
        Anomaly cpm = anomaly(10, Metric.CPM, AnomalyKind.LEVEL_SHIFT, Direction.UP);
        Anomaly fewer = anomaly(11, Metric.CONVERSIONS, AnomalyKind.DIP, Direction.DOWN);
        Anomaly more = anomaly(12, Metric.CONVERSIONS, AnomalyKind.SPIKE, Direction.UP);
        Anomaly late =
                anomaly(10 + ExplainedAnomalies.FOLLOW_DAYS + 1, Metric.CONVERSIONS, AnomalyKind.DIP, Direction.DOWN);
        Anomaly before = anomaly(9, Metric.CONVERSIONS, AnomalyKind.DIP, Direction.DOWN);

        List<Anomaly> folded = ExplainedAnomalies.fold(new ArrayList<>(List.of(before, cpm, fewer, more, late)));

        assertThat(folded)
                .extracting(Anomaly::date)
                .containsExactly(before.date(), cpm.date(), more.date(), late.date());
    }

    @Test
    void aDeliveryStopExplainsTheSpendAndConversionMovesOfTheRestartButNotAPacingAnomaly() {
        Anomaly stop = anomaly(20, Metric.SPEND, AnomalyKind.DELIVERY_STOP, Direction.DOWN);
        Anomaly restart = anomaly(23, Metric.SPEND, AnomalyKind.DIP, Direction.DOWN);
        Anomaly conversions = anomaly(23, Metric.CONVERSIONS, AnomalyKind.DIP, Direction.DOWN);
        Anomaly pacing = anomaly(24, Metric.SPEND, AnomalyKind.PACING, Direction.UP);
        Anomaly cvr = anomaly(22, Metric.CVR, AnomalyKind.SPIKE, Direction.UP);

        List<Anomaly> folded = ExplainedAnomalies.fold(List.of(stop, restart, conversions, pacing, cvr));

        assertThat(folded).containsExactly(folded.get(0), pacing, cvr);
        assertThat(folded.get(0).kind()).isEqualTo(AnomalyKind.DELIVERY_STOP);
        assertThat(folded.get(0).reason()).contains("spend dip on " + restart.date(), "conversions dip on");
    }

    @Test
    void anomaliesWithoutARootAreKeptUnchanged() {
        List<Anomaly> own = List.of(
                anomaly(5, Metric.CONVERSIONS, AnomalyKind.DIP, Direction.DOWN),
                anomaly(6, Metric.CPM, AnomalyKind.SPIKE, Direction.UP),
                anomaly(7, Metric.CTR, AnomalyKind.DIP, Direction.DOWN));
        assertThat(ExplainedAnomalies.fold(own)).isEqualTo(own);
    }

    private static Anomaly onTotal(int day, Metric metric, AnomalyKind kind, Direction direction) {
        Anomaly a = anomaly(day, metric, kind, direction);
        return new Anomaly(
                AccountTotal.SERIES_ID,
                a.date(),
                metric,
                kind,
                direction,
                1,
                2,
                1.5,
                2.5,
                1e-6,
                "total " + metric.wireName() + " moved.");
    }

    @Test
    void anAdSetsDeliveryStopExplainsTheTotalsSpendDropAndUnderPacingButNotItsCtrShift() {
        Anomaly stop = anomaly(20, Metric.SPEND, AnomalyKind.DELIVERY_STOP, Direction.DOWN);
        Anomaly ctr = anomaly(18, Metric.CTR, AnomalyKind.LEVEL_SHIFT, Direction.DOWN);
        Anomaly spend = onTotal(20, Metric.SPEND, AnomalyKind.LEVEL_SHIFT, Direction.DOWN);
        Anomaly pacing = onTotal(21, Metric.SPEND, AnomalyKind.PACING, Direction.DOWN);
        Anomaly over = onTotal(22, Metric.SPEND, AnomalyKind.PACING, Direction.UP);
        Anomaly totalCtr = onTotal(18, Metric.CTR, AnomalyKind.LEVEL_SHIFT, Direction.DOWN);
        Anomaly late = onTotal(20 + ExplainedAnomalies.FOLLOW_DAYS + 1, Metric.SPEND, AnomalyKind.DIP, Direction.DOWN);

        List<Anomaly> folded = ExplainedAnomalies.foldTotal(List.of(stop, ctr, spend, pacing, over, totalCtr, late));

        assertThat(folded).hasSize(5);
        assertThat(folded.get(0).reason())
                .contains("account total's spend level shift on " + spend.date())
                .contains("account total's spend pacing on " + pacing.date());
        assertThat(folded.subList(1, 5)).containsExactly(ctr, over, totalCtr, late);
    }
}
