package io.metasystem.mlcore.alerts.detect;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PredictiveTest {

    @Test
    void betaBinomialWithUniformPriorIsUniformOverTheCounts() {
        // Beta(1, 1) mixes the binomial into the discrete uniform on 0..n: P(Y < y) = y/(n + 1)
        int n = 40;
        for (int y = 0; y <= n; y += 5) {
            Predictive.Tail tail = Predictive.betaBinomial(n, 1, 1, y, 0.9);
            assertThat(tail.below()).isCloseTo((y + 0.5) / (n + 1), within(1e-12));
            assertThat(tail.above()).isCloseTo((n - y + 0.5) / (n + 1), within(1e-12));
        }
        Predictive.Tail tail = Predictive.betaBinomial(n, 1, 1, 0, 0.9);
        // 5 % of 41 equally likely values: the 3rd (k = 2) is the first with cumulative ≥ 0.05
        assertThat(tail.lo()).isEqualTo(2);
        assertThat(tail.hi()).isEqualTo(38);
        assertThat(tail.mean()).isCloseTo(20, within(1e-12));
    }

    @Test
    void betaBinomialMatchesTheBruteForcePmf() {
        int n = 60;
        double a = 2.5;
        double b = 17.0;
        double[] pmf = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            pmf[k] = Math.exp(logChoose(n, k) + logBeta(k + a, n - k + b) - logBeta(a, b));
        }
        for (int y : new int[] {0, 3, 7, 15, 30}) {
            double below = 0;
            for (int k = 0; k < y; k++) {
                below += pmf[k];
            }
            Predictive.Tail tail = Predictive.betaBinomial(n, a, b, y, 0.9);
            assertThat(tail.below()).as("y=%d", y).isCloseTo(below + pmf[y] / 2, within(1e-10));
            assertThat(tail.below() + tail.above()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void negativeBinomialWithShapeOneIsGeometric() {
        // shape 1: P(Y ≤ k) = 1 − (1 − q)^(k+1), q = 1/(1 + mean)
        double mean = 4.0;
        double q = 1 / (1 + mean);
        for (int y = 0; y < 12; y++) {
            double atMost = 1 - Math.pow(1 - q, y + 1);
            double below = y == 0 ? 0 : 1 - Math.pow(1 - q, y);
            Predictive.Tail tail = Predictive.negativeBinomial(1, mean, y, 0.9);
            assertThat(tail.below()).isCloseTo((below + atMost) / 2, within(1e-10));
        }
    }

    @Test
    void negativeBinomialApproachesThePoissonForALargeShape() {
        // P(Y ≤ 2 | Poisson(10)) = e^-10 (1 + 10 + 50)
        Predictive.Tail tail = Predictive.negativeBinomial(1e7, 10, 3, 0.9);
        double atMost2 = Math.exp(-10) * 61;
        double p3 = Math.exp(-10) * 1000 / 6;
        assertThat(tail.below()).isCloseTo(atMost2 + p3 / 2, within(1e-6));
    }

    @Test
    void betaBinomialOfManyTrialsSwitchesToItsGammaPoissonLimitContinuously() {
        double a = 20;
        double b = 1980;
        Predictive.Tail exact = Predictive.betaBinomial(Predictive.EXACT_TRIALS, a, b, 30, 0.9);
        Predictive.Tail limit = Predictive.betaBinomial(Predictive.EXACT_TRIALS + 1, a, b, 30, 0.9);
        assertThat(limit.below()).isCloseTo(exact.below(), within(0.02));
        assertThat(limit.mean()).isCloseTo(exact.mean(), within(0.1));
    }

    @Test
    void normalTailAndScoresAreConsistent() {
        Predictive.Tail tail = Predictive.normal(1.6448536269514722, 0, 1, 0.9);
        assertThat(tail.above()).isCloseTo(0.05, within(1e-6));
        assertThat(tail.z()).isCloseTo(1.6448536, within(1e-5));
        assertThat(tail.lo()).isCloseTo(-1.6448536, within(1e-6));
        assertThat(Predictive.normal(-20, 0, 1, 0.9).z()).isEqualTo(-Predictive.MAX_Z);
    }

    private static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    private static double logBeta(double a, double b) {
        return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }
}
