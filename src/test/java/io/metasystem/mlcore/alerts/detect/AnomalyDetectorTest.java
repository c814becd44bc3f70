package io.metasystem.mlcore.alerts.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnomalyDetectorTest {
    private final AnomalyDetector detector = new AnomalyDetector();
    private final DetectionSettings settings = DetectionSettings.defaults();

    private List<Anomaly> detect(List<DayRow> rows) {
        return detector.detect(List.of(Series.input(rows)), settings).anomalies();
    }

    @Test
    void aSteadyAdSetHasNoAnomalies() {
        DetectionResult result = detector.detect(List.of(Series.input(Series.steady(60))), settings);
        assertThat(result.anomalies()).isEmpty();
        assertThat(result.seriesChecked()).isEqualTo(settings.metrics().size());
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aCtrDropIsOneLevelShiftOnTheDayItStarts() {
        List<DayRow> rows = new ArrayList<>(Series.steady(60));
        for (int d = 40; d < 60; d++) {
            DayRow r = rows.get(d);
            rows.set(d, Series.complete(r.date(), r.spend(), 6.0, 0.015 * 0.35, 0.10));
        }
        List<Anomaly> ctr =
                detect(rows).stream().filter(a -> a.metric() == Metric.CTR).toList();
        assertThat(ctr).hasSize(1);
        Anomaly a = ctr.get(0);
        assertThat(a.kind()).isEqualTo(AnomalyKind.LEVEL_SHIFT);
        assertThat(a.direction()).isEqualTo(Direction.DOWN);
        assertThat(a.date()).isEqualTo(Series.START.plusDays(40));
        assertThat(a.observed()).isLessThan(a.lo());
        assertThat(a.lo()).isLessThanOrEqualTo(a.expected()).isLessThanOrEqualTo(a.hi());
        assertThat(a.expected()).isBetween(0.014, 0.016);
        assertThat(a.score()).isLessThan(1e-4);
        assertThat(a.reason())
                .startsWith("CTR 0.5")
                .contains("since " + a.date())
                .contains("creative fatigue");
    }

    @Test
    void conversionsFallingWhileClicksHoldReadsAsBrokenTracking() {
        List<DayRow> rows = new ArrayList<>(Series.steady(50));
        for (int d = 35; d < 50; d++) {
            DayRow r = rows.get(d);
            rows.set(d, Series.complete(r.date(), r.spend(), 6.0, 0.015, 0.025));
        }
        Anomaly cvr = detect(rows).stream()
                .filter(a -> a.metric() == Metric.CVR)
                .findFirst()
                .orElseThrow();
        assertThat(cvr.kind()).isEqualTo(AnomalyKind.LEVEL_SHIFT);
        assertThat(cvr.date()).isEqualTo(Series.START.plusDays(35));
        assertThat(cvr.reason()).contains("tracking");
    }

    @Test
    void aOneDaySpikeIsASpikeAndTheNextDaysAreNormal() {
        List<DayRow> rows = new ArrayList<>(Series.steady(40));
        DayRow r = rows.get(30);
        rows.set(30, Series.complete(r.date(), r.spend(), 6.0 * 2.5, 0.015, 0.10));
        List<Anomaly> cpm =
                detect(rows).stream().filter(a -> a.metric() == Metric.CPM).toList();
        assertThat(cpm).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.SPIKE);
            assertThat(a.direction()).isEqualTo(Direction.UP);
            assertThat(a.date()).isEqualTo(r.date());
            assertThat(a.observed()).isGreaterThan(a.hi());
        });
    }

    @Test
    void aLowVolumeDayDoesNotFireButTheSameRateOnVolumeDoes() {
        List<DayRow> rows = new ArrayList<>(Series.steady(40));
        // 25 impressions and no click: CTR 0 %, but 0.4 clicks were expected
        rows.set(30, new DayRow(rows.get(30).date(), 0.15, 25.0, 0.0, 0.0, 0.0));
        assertThat(detect(rows)).noneMatch(a -> a.metric() == Metric.CTR);
        rows.set(30, new DayRow(rows.get(30).date(), 40, 6_600.0, 0.0, 0.0, 0.0));
        assertThat(detect(rows))
                .anyMatch(a -> a.metric() == Metric.CTR
                        && a.kind() == AnomalyKind.DIP
                        && a.date().equals(Series.START.plusDays(30)));
    }

    @Test
    void deliveryStopIsReportedOnceOnItsFirstDayAndNotForAPausedAdSet() {
        List<DayRow> rows = new ArrayList<>(Series.steady(40));
        for (int d = 30; d < 34; d++) {
            rows.set(d, new DayRow(rows.get(d).date(), 0, 0.0, 0.0, 0.0, 0.0));
        }
        List<Anomaly> stops = detect(rows).stream()
                .filter(a -> a.kind() == AnomalyKind.DELIVERY_STOP)
                .toList();
        assertThat(stops).singleElement().satisfies(a -> {
            assertThat(a.date()).isEqualTo(Series.START.plusDays(30));
            assertThat(a.metric()).isEqualTo(Metric.SPEND);
            assertThat(a.observed()).isZero();
            assertThat(a.expected()).isBetween(39.0, 41.0);
            assertThat(a.reason()).contains("delivery stopped");
        });
        SeriesInput paused = new SeriesInput("a1", null, false, 40.0, rows);
        assertThat(detector.detect(List.of(paused), settings).anomalies())
                .noneMatch(a -> a.kind() == AnomalyKind.DELIVERY_STOP);
    }

    @Test
    void overspendAboveTheBudgetIsPacingAndNotAlsoASpendSpike() {
        List<DayRow> rows = new ArrayList<>(Series.steady(40));
        DayRow r = rows.get(35);
        rows.set(35, Series.complete(r.date(), 120, 6.0, 0.015, 0.10));
        List<Anomaly> spend =
                detect(rows).stream().filter(a -> a.metric() == Metric.SPEND).toList();
        assertThat(spend).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.PACING);
            assertThat(a.direction()).isEqualTo(Direction.UP);
            assertThat(a.reason()).contains("daily budget 40.00").contains("3.0×");
        });
    }

    @Test
    void underDeliveryTwoDaysRunningIsPacingDown() {
        List<DayRow> rows = new ArrayList<>(Series.steady(40));
        for (int d = 36; d < 38; d++) {
            DayRow r = rows.get(d);
            rows.set(d, Series.complete(r.date(), 12, 6.0, 0.015, 0.10));
        }
        assertThat(detect(rows))
                .anyMatch(a -> a.kind() == AnomalyKind.PACING
                        && a.direction() == Direction.DOWN
                        && a.date().equals(Series.START.plusDays(36)));
    }

    @Test
    void tooLittleHistoryIsAWarningNotAnError() {
        DetectionResult result = detector.detect(List.of(Series.input(Series.steady(5))), settings);
        assertThat(result.anomalies()).isEmpty();
        assertThat(result.seriesChecked()).isZero();
        assertThat(result.warnings()).singleElement().asString().contains("a1").contains("warm-up");
    }

    @Test
    void fromAndToLimitTheReportedDaysButNotTheBaseline() {
        List<DayRow> rows = new ArrayList<>(Series.steady(40));
        DayRow r = rows.get(30);
        rows.set(30, Series.complete(r.date(), r.spend(), 15.0, 0.015, 0.10));
        DetectionSettings later = settings.withRange(Series.START.plusDays(31), null);
        assertThat(detector.detect(List.of(Series.input(rows)), later).anomalies())
                .isEmpty();
        DetectionSettings exactly = settings.withRange(r.date(), r.date());
        assertThat(detector.detect(List.of(Series.input(rows)), exactly).anomalies())
                .isNotEmpty()
                .allMatch(a -> a.date().equals(r.date()));
    }

    @Test
    void lowSensitivityNeedsMoreEvidenceThanHigh() {
        assertThat(Sensitivity.LOW.single()).isGreaterThan(Sensitivity.MEDIUM.single());
        assertThat(Sensitivity.MEDIUM.single()).isGreaterThan(Sensitivity.HIGH.single());
        List<DayRow> rows = new ArrayList<>(Series.steady(40));
        DayRow r = rows.get(30);
        rows.set(30, Series.complete(r.date(), r.spend(), 6.0 * 1.35, 0.015, 0.10));
        int high = detector.detect(List.of(Series.input(rows)), settings.withSensitivity(Sensitivity.HIGH))
                .anomalies()
                .size();
        int low = detector.detect(List.of(Series.input(rows)), settings.withSensitivity(Sensitivity.LOW))
                .anomalies()
                .size();
        assertThat(high).isGreaterThanOrEqualTo(low);
        assertThat(high).isPositive();
    }

    @Test
    void satterthwaiteDegreesOfFreedomFollowTheirClosedForm() {
        // only the wobble is estimated: without counting noise ν is the wobble's own, with as much counting noise
        // as wobble it is four times that, (s + w)² / w² · ν_w
        assertThat(MetricModel.satterthwaiteDf(0, 0.01, 11.2)).isCloseTo(11.2, within(1e-12));
        assertThat(MetricModel.satterthwaiteDf(0.01, 0.01, 11.2)).isCloseTo(44.8, within(1e-12));
        assertThat(MetricModel.satterthwaiteDf(0.09, 0.01, 10)).isCloseTo(1000, within(1e-9));
        assertThat(MetricModel.satterthwaiteDf(100, 0.01, 10)).isEqualTo(AnomalyDetector.NORMAL_DF);
        assertThat(AnomalyDetector.studentized(3.9, AnomalyDetector.NORMAL_DF)).isEqualTo(3.9);
        assertThat(AnomalyDetector.studentized(-3.9, 11.2)).isBetween(-3.2, -2.8);
    }

    @Test
    void aOneDayConversionCollapseWithClicksHoldingIsACvrDip() {
        // 100 clicks and 10 conversions a day; on day 40 the clicks hold and no conversion is recorded: a 1-in-20,000
        // count tail that a Student t on the whole score (ν = 11) would soften to about 1 in 700
        List<DayRow> rows = new ArrayList<>(Series.steady(50));
        DayRow r = rows.get(40);
        rows.set(40, new DayRow(r.date(), r.spend(), r.impressions(), r.clicks(), 0.0, 0.0));
        List<Anomaly> found = detect(rows);
        assertThat(found)
                .filteredOn(a -> a.metric() == Metric.CVR)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AnomalyKind.DIP);
                    assertThat(a.date()).isEqualTo(r.date());
                    assertThat(a.observed()).isZero();
                });
        assertThat(found).noneMatch(a -> a.metric() == Metric.CTR || a.metric() == Metric.CPM);
    }

    @Test
    void twoDeviantDaysAreNotALevelShiftButThreeAre() {
        List<DayRow> blip = new ArrayList<>(Series.steady(60));
        List<DayRow> shift = new ArrayList<>(Series.steady(60));
        for (int d = 40; d < 60; d++) {
            DayRow r = shift.get(d);
            shift.set(d, Series.complete(r.date(), r.spend(), 6.0 * 1.3, 0.015, 0.10));
            if (d < 42) {
                blip.set(d, Series.complete(r.date(), r.spend(), 6.0 * 1.3, 0.015, 0.10));
            }
        }
        assertThat(detect(blip))
                .filteredOn(a -> a.metric() == Metric.CPM)
                .isNotEmpty()
                .noneMatch(a -> a.kind() == AnomalyKind.LEVEL_SHIFT);
        assertThat(detect(shift))
                .filteredOn(a -> a.metric() == Metric.CPM)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AnomalyKind.LEVEL_SHIFT);
                    assertThat(a.date()).isEqualTo(Series.START.plusDays(40));
                });
    }

    @Test
    void lowerSpendIsJudgedAgainstTheBudgetWhenThereIsOne() {
        List<DayRow> rows = new ArrayList<>(Series.steady(60));
        for (int d = 40; d < 60; d++) {
            DayRow r = rows.get(d);
            rows.set(d, Series.complete(r.date(), r.spend() * 0.7, 6.0, 0.015, 0.10));
        }
        // 70 % of a budget of 40 is within the pacing band: nothing to report
        assertThat(detect(rows)).noneMatch(a -> a.metric() == Metric.SPEND);
        // without a budget, spend is judged against its own history: a level shift down on day 40
        List<Anomaly> unbudgeted = detector.detect(List.of(new SeriesInput("a1", "steady", true, null, rows)), settings)
                .anomalies();
        assertThat(unbudgeted)
                .filteredOn(a -> a.metric() == Metric.SPEND)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(AnomalyKind.LEVEL_SHIFT);
                    assertThat(a.direction()).isEqualTo(Direction.DOWN);
                    assertThat(a.date()).isEqualTo(Series.START.plusDays(40));
                });
    }
}
