package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaturationEstimatorTest {

    private static SaturationEstimator.Fit fitSynthetic(
            double theta, double kappa, double jitter, int days, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double r = 100;
        double[] u = new double[days];
        double[] c = new double[days];
        double[] w = new double[days];
        for (int d = 0; d < days; d++) {
            double z = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            double s = r * Math.exp(jitter * z);
            u[d] = Math.log(s / r);
            c[d] = Fixtures.poisson(rnd, kappa * r * Math.pow(s / r, theta));
            w[d] = 1.0;
        }
        return SaturationEstimator.fit(u, c, w, days, 0.7);
    }

    @Test
    void recoversKnownThetaFromRichSyntheticData() {
        for (double theta : new double[] {0.4, 0.6, 0.85}) {
            double mean = 0;
            int reps = 10;
            for (int rep = 0; rep < reps; rep++) {
                SaturationEstimator.Fit fit = fitSynthetic(theta, 0.5, 0.5, 120, 100 + rep);
                assertEquals(theta, fit.theta(), 0.08, "single fit within tolerance");
                assertTrue(fit.information() > 100);
                mean += fit.theta() / reps;
            }
            assertEquals(theta, mean, 0.03, "unbiased on average");
        }
    }

    @Test
    void constantSpendCarriesNoInformationAndFallsBackToPooledDefault() {
        double[] u = new double[28];
        double[] c = new double[28];
        double[] w = new double[28];
        for (int d = 0; d < 28; d++) {
            c[d] = 5;
            w[d] = 1;
        }
        SaturationEstimator.Fit fit = SaturationEstimator.fit(u, c, w, 28, 0.7);
        assertEquals(0.0, fit.information());
        assertEquals(0.7, SaturationEstimator.shrink(fit, 0.7, 44.4, 0.3, 0.95), 1e-12);
    }

    @Test
    void thinDataIsShrunkTowardThePooledValue() {
        SaturationEstimator.Fit thin = fitSynthetic(0.35, 0.01, 0.1, 14, 7);
        double shrunk = SaturationEstimator.shrink(thin, 0.7, 1 / (0.15 * 0.15), 0.3, 0.95);
        assertTrue(thin.information() < 2, "few conversions, little variation: information " + thin.information());
        assertEquals(0.7, shrunk, 0.05);
        SaturationEstimator.Fit rich = fitSynthetic(0.45, 0.5, 0.5, 120, 8);
        double richShrunk = SaturationEstimator.shrink(rich, 0.7, 1 / (0.15 * 0.15), 0.3, 0.95);
        assertEquals(0.45, richShrunk, 0.08, "rich data dominate the pooled prior");
    }

    @Test
    void pooledThetaIsInformationWeighted() {
        double pooled = SaturationEstimator.pool(new double[] {0.5, 0.9}, new double[] {30, 10}, 2, 0.7, 20);
        assertEquals((30 * 0.5 + 10 * 0.9 + 20 * 0.7) / 60, pooled, 1e-12);
        assertEquals(0.7, SaturationEstimator.pool(new double[0], new double[0], 0, 0.7, 20), 1e-12);
    }

    @Test
    void clampsToStrictlyConcaveRange() {
        SaturationEstimator.Fit fit = new SaturationEstimator.Fit(1.4, 1e6);
        assertEquals(0.95, SaturationEstimator.shrink(fit, 0.7, 44, 0.3, 0.95));
        assertEquals(0.3, SaturationEstimator.shrink(new SaturationEstimator.Fit(0.0, 1e6), 0.7, 44, 0.3, 0.95));
    }
}
