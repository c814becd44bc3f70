package io.metasystem.mlcore.optimizer;

import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionsTest {

    @Test
    void normalQuantileMatchesHipparchus() {
        NormalDistribution nd = new NormalDistribution(0, 1);
        for (double p : new double[] {1e-9, 1e-4, 0.01, 0.02425, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999, 1 - 1e-9}) {
            assertEquals(nd.inverseCumulativeProbability(p), Distributions.normalQuantile(p), 1e-8);
        }
    }

    @Test
    void wilsonHilfertyGammaQuantileIsWithinFourPercentForShapeAtLeastTwo() {
        for (double shape : new double[] {2, 3, 5, 20, 200}) {
            GammaDistribution g = new GammaDistribution(shape, 1.0 / 3.0);
            for (double p : new double[] {0.05, 0.5, 0.95}) {
                double exact = g.inverseCumulativeProbability(p);
                double approx = Distributions.gammaQuantile(shape, 3.0, Distributions.normalQuantile(p));
                assertEquals(exact, approx, 0.04 * exact, "shape " + shape + " p " + p);
            }
        }
    }

    @Test
    void gammaQuantileIsMonotoneInShapeAndDecreasingInRate() {
        for (double z = -6; z <= 6; z += 0.25) {
            double prev = 0;
            for (double shape = 1; shape < 500; shape *= 1.1) {
                double q = Distributions.gammaQuantile(shape, 2.0, z);
                assertTrue(q >= prev, "monotone in shape at z=" + z);
                prev = q;
                assertTrue(Distributions.gammaQuantile(shape, 2.5, z) <= q);
            }
        }
    }

    @Test
    void gammaCdfMatchesClosedFormForExponential() {
        // shape 1 is the exponential distribution: P(X <= x) = 1 − exp(−rate·x)
        assertEquals(1 - Math.exp(-2 * 0.7), Distributions.gammaCdf(1, 2, 0.7), 1e-12);
        assertEquals(0.0, Distributions.gammaCdf(3, 2, 0));
    }

    @Test
    void fastGammaCdfMatchesExactForLargeShapes() {
        for (double shape : new double[] {20, 50, 300, 5000}) {
            GammaDistribution g = new GammaDistribution(shape, 1.0 / 7.0);
            for (double p : new double[] {0.01, 0.05, 0.5, 0.95, 0.99}) {
                double x = g.inverseCumulativeProbability(p);
                assertEquals(p, Distributions.gammaCdfFast(shape, 7.0, x), 1e-3);
            }
        }
        assertEquals(NORMAL.cumulativeProbability(-1.3), Distributions.normalCdf(-1.3), 1e-7);
        assertEquals(NORMAL.cumulativeProbability(2.7), Distributions.normalCdf(2.7), 1e-7);
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    @Test
    void streamsDependOnIdNotOnOrder() {
        long a = RandomStreams.streamSeed(42, "alpha", RandomStreams.PURPOSE_THOMPSON);
        long b = RandomStreams.streamSeed(42, "alpha", RandomStreams.PURPOSE_THOMPSON);
        long c = RandomStreams.streamSeed(42, "beta", RandomStreams.PURPOSE_THOMPSON);
        long d = RandomStreams.streamSeed(43, "alpha", RandomStreams.PURPOSE_THOMPSON);
        assertEquals(a, b);
        assertTrue(a != c && a != d);
        RandomStreams.Stream s = new RandomStreams.Stream(a);
        for (int i = 0; i < 10_000; i++) {
            double u = s.nextOpenUniform();
            assertTrue(u > 0 && u < 1);
        }
    }
}
