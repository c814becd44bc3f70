package io.metasystem.mlcore.alerts.detect;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The pooled multi-day rate test of {@link AnomalyDetector#pooledDrop}. */
class PooledDropTest {
    private static final DetectionSettings SETTINGS = DetectionSettings.defaults();

    /**
     * About 100 clicks and 10 conversions a day (9, 10, 11, …), then from {@code start} on a CVR drop to a quarter
     * whose days are uneven (2, 6, 1, then 2 or 3): the second day is too mild for a run of strong days, the first is
     * not a one-day dip, but the three days summed (9 of about 30) are a drop.
     */
    private static List<DayRow> cvrDrop(int days, int start) {
        int[] after = {2, 6, 1};
        List<DayRow> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            double clicks = 100 + (d % 3);
            double conversions = d < start ? 9 + (d % 3) : d - start < after.length ? after[d - start] : 2 + (d % 2);
            rows.add(new DayRow(
                    Series.START.plusDays(d),
                    40 * Series.wobble(d, 0.02),
                    6000.0,
                    clicks,
                    conversions,
                    conversions * 4));
        }
        return rows;
    }

    private static MetricModel.Baseline baselineOf(MetricModel model, int t) {
        int n = model.rows.size();
        return AnomalyDetector.baseline(model, t, 0, new boolean[n], new int[n], AnomalyDetector.MIN_BASELINE);
    }

    private static MetricModel.Evaluation pooledAt(MetricModel model, int t) {
        MetricModel.Baseline b = baselineOf(model, t);
        double z = AnomalyDetector.studentized(
                model.evaluate(t, b, 0.9).tail().z(), model.evaluate(t, b, 0.9).nu());
        return AnomalyDetector.pooledDrop(model, t, new int[] {t + 1, t + 2}, z, b, SETTINGS);
    }

    @Test
    void aThreeDayDropFiresOnItsFirstDayAndNotTheDayBefore() {
        List<DayRow> rows = cvrDrop(60, 40);
        MetricModel cvr = MetricModel.of(Metric.CVR, rows);
        // no single day is a dip, and the second day is too mild for a run of strong days
        MetricModel.Baseline b = baselineOf(cvr, 40);
        double[] z = new double[3];
        for (int d = 40; d < 43; d++) {
            MetricModel.Evaluation day = cvr.evaluate(d, b, 0.9);
            z[d - 40] = AnomalyDetector.studentized(day.tail().z(), day.nu());
        }
        assertThat(Arrays.stream(z).min().orElseThrow())
                .isGreaterThan(-SETTINGS.sensitivity().single());
        assertThat(z[1]).isGreaterThan(-1.5);
        assertThat(pooledAt(cvr, 39)).isNull();
        MetricModel.Evaluation pooled = pooledAt(cvr, 40);
        assertThat(pooled).isNotNull();
        assertThat(pooled.observed()).isLessThan(pooled.lo());

        List<Anomaly> found = new AnomalyDetector()
                .detect(List.of(Series.input(rows)), SETTINGS).anomalies().stream()
                        .filter(a -> a.metric() == Metric.CVR)
                        .toList();
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.LEVEL_SHIFT);
            assertThat(a.direction()).isEqualTo(Direction.DOWN);
            assertThat(a.date()).isEqualTo(Series.START.plusDays(40));
            assertThat(a.reason()).contains("since " + a.date());
        });
    }

    @Test
    void aCleanSeriesDoesNotFire() {
        List<DayRow> rows = cvrDrop(60, 60);
        MetricModel cvr = MetricModel.of(Metric.CVR, rows);
        for (int t = AnomalyDetector.MIN_BASELINE; t < 57; t++) {
            assertThat(pooledAt(cvr, t)).as("day %d", t).isNull();
        }
        assertThat(new AnomalyDetector()
                        .detect(List.of(Series.input(rows)), SETTINGS)
                        .anomalies())
                .isEmpty();
    }

    @Test
    void thePooledTailIsTheBetaBinomialOfTheSummedCountsByBruteForce() {
        List<DayRow> rows = cvrDrop(60, 40);
        MetricModel.BetaBinomial cvr = (MetricModel.BetaBinomial) MetricModel.of(Metric.CVR, rows);
        MetricModel.Baseline b = baselineOf(cvr, 40);
        int[] window = {40, 41, 42};
        // the documented parameters: mean = Σ n_d·m_d / N, cv² = 1/(Σy + 1) + σ²·Σ(n_d·m_d)² / (Σ n_d·m_d)²
        MetricModel.Pooled pool = cvr.pool(b, cvr::successes, cvr::trials);
        double rate = (pool.count() + 0.5) / (pool.exposure() + 1.0);
        long n = 0;
        long k = 0;
        double expected = 0;
        double squares = 0;
        for (int d : window) {
            double m = rate * Math.exp(b.weekday()[cvr.weekday[d]]);
            n += cvr.trials(d);
            k += cvr.successes(d);
            expected += cvr.trials(d) * m;
            squares += Math.pow(cvr.trials(d) * m, 2);
        }
        double mean = expected / n;
        double cv2 = 1.0 / (pool.count() + 1) + pool.wobble() * squares / (expected * expected);
        double kappa = (1 - mean) / (mean * cv2) - 1;
        double a = mean * kappa;
        double bb = (1 - mean) * kappa;
        // brute force: P(j) = C(N, j)·B(j + a, N − j + b) / B(a, b), mid-p lower tail at the summed count
        double below = 0;
        for (long j = 0; j <= k; j++) {
            double p = Math.exp(Gamma.logGamma(n + 1.0)
                    - Gamma.logGamma(j + 1.0)
                    - Gamma.logGamma(n - j + 1.0)
                    + logBeta(j + a, n - j + bb)
                    - logBeta(a, bb));
            below += j < k ? p : p / 2;
        }
        MetricModel.Evaluation pooled = cvr.evaluatePooled(window, b, 0.9);
        assertThat(pooled.tail().below()).isCloseTo(below, within(1e-9));
        assertThat(pooled.observed()).isCloseTo((double) k / n, within(1e-12));
        assertThat(pooled.expected()).isCloseTo(mean, within(1e-12));
        // one day pooled is the one-day predictive
        assertThat(cvr.evaluatePooled(new int[] {40}, b, 0.9).tail().below())
                .isCloseTo(cvr.evaluate(40, b, 0.9).tail().below(), within(1e-12));
    }

    private static double logBeta(double x, double y) {
        return Gamma.logGamma(x) + Gamma.logGamma(y) - Gamma.logGamma(x + y);
    }
}
