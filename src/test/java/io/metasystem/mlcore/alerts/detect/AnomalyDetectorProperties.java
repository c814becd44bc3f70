package io.metasystem.mlcore.alerts.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the detector over random series from seeded generators (one seed per case, reproducible). */
class AnomalyDetectorProperties {
    private final AnomalyDetector detector = new AnomalyDetector();

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 60).boxed();
    }

    /** 20–90 days of noisy delivery, sometimes with a zero-spend gap, a spike or a persistent CTR change. */
    static SeriesInput randomSeries(long seed, double money) {
        SplittableRandom rng = new SplittableRandom(seed);
        int days = 20 + rng.nextInt(71);
        double budget = 5 + rng.nextDouble() * 200;
        double cpm = 2 + rng.nextDouble() * 10;
        double ctr = 0.005 + rng.nextDouble() * 0.03;
        double cvr = 0.02 + rng.nextDouble() * 0.3;
        int change = rng.nextInt(days);
        double factor = rng.nextBoolean() ? 1 : 0.2 + rng.nextDouble() * 3;
        List<DayRow> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            double spend = rng.nextInt(30) == 0 ? 0 : budget * (0.8 + 0.3 * rng.nextDouble());
            double dayCtr = ctr * (d >= change ? factor : 1) * (0.85 + 0.3 * rng.nextDouble());
            double impressions = Math.floor(1000 * spend / (cpm * (0.8 + 0.4 * rng.nextDouble())));
            double clicks = Math.min(impressions, Math.floor(impressions * Math.min(0.9, dayCtr)));
            double conversions = Math.floor(clicks * cvr * (0.7 + 0.6 * rng.nextDouble()));
            rows.add(new DayRow(
                    Series.START.plusDays(d),
                    money * spend,
                    impressions,
                    clicks,
                    conversions,
                    money * conversions * 3));
        }
        return new SeriesInput("p" + seed, null, rng.nextInt(5) > 0, money * budget, rows);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSameInputGivesTheSameAnswer(long seed) {
        SeriesInput input = randomSeries(seed, 1);
        DetectionSettings settings = DetectionSettings.defaults();
        assertThat(detector.detect(List.of(input), settings)).isEqualTo(detector.detect(List.of(input), settings));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyAnomalyIsWellFormedAndAfterTheWarmUp(long seed) {
        SeriesInput input = randomSeries(seed, 1);
        DetectionResult result =
                detector.detect(List.of(input), DetectionSettings.defaults().withSensitivity(Sensitivity.HIGH));
        Set<String> keys = new HashSet<>();
        for (Anomaly a : result.anomalies()) {
            assertThat(a.lo()).as("%s", a).isLessThanOrEqualTo(a.hi());
            assertThat(a.score()).as("%s", a).isBetween(0.0, 0.5);
            assertThat(Double.isFinite(a.observed()) && Double.isFinite(a.expected()))
                    .as("%s", a)
                    .isTrue();
            assertThat(a.date())
                    .as("%s", a)
                    .isAfterOrEqualTo(
                            input.days().get(AnomalyDetector.MIN_BASELINE).date());
            assertThat(a.reason()).isNotBlank();
            assertThat(keys.add(a.date() + "/" + a.metric() + "/" + a.kind()))
                    .as("duplicate %s", a)
                    .isTrue();
            if (a.kind() == AnomalyKind.DELIVERY_STOP || a.kind() == AnomalyKind.PACING) {
                assertThat(input.active()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theCurrencyUnitDoesNotChangeWhatIsFound(long seed) {
        DetectionSettings settings = DetectionSettings.defaults().withSensitivity(Sensitivity.HIGH);
        // spend is at least 5 a day, so the 1.0 floor of a usual spend is not crossed by scaling up
        List<String> euros = signature(detector.detect(List.of(randomSeries(seed, 1)), settings));
        List<String> cents = signature(detector.detect(List.of(randomSeries(seed, 100)), settings));
        assertThat(cents).isEqualTo(euros);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLevelShiftIsNotReportedAgainOnTheDaysAfterIt(long seed) {
        DetectionResult result = detector.detect(List.of(randomSeries(seed, 1)), DetectionSettings.defaults());
        for (Anomaly shift : result.anomalies()) {
            if (shift.kind() != AnomalyKind.LEVEL_SHIFT) {
                continue;
            }
            assertThat(result.anomalies())
                    .as("after %s", shift)
                    .noneMatch(a -> a.metric() == shift.metric()
                            && a.kind() == AnomalyKind.LEVEL_SHIFT
                            && a.direction() == shift.direction()
                            && a.date().isAfter(shift.date())
                            && !a.date().isAfter(shift.date().plusDays(3)));
        }
    }

    private static List<String> signature(DetectionResult result) {
        return result.anomalies().stream()
                .map(a -> a.date() + " " + a.metric() + " " + a.kind() + " " + a.direction())
                .toList();
    }
}
