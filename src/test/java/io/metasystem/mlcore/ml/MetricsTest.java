package io.metasystem.mlcore.ml;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

class MetricsTest {
    @Test
    void devianceIsZeroForPerfectPredictionsAndTwoMuForZeroCounts() {
        assertThat(Metrics.poissonDeviance(new double[] {3, 7}, new double[] {3, 7}))
                .isCloseTo(0, within(1e-12));
        assertThat(Metrics.poissonDeviance(new double[] {0}, new double[] {1.5}))
                .isCloseTo(3.0, within(1e-12));
        // 2 [4 ln(4/2) - (4 - 2)] = 8 ln 2 - 4
        assertThat(Metrics.poissonDeviance(new double[] {4}, new double[] {2}))
                .isCloseTo(8 * Math.log(2) - 4, within(1e-12));
    }

    @Test
    void rejectsNonPositivePredictions() {
        assertThatThrownBy(() -> Metrics.poissonDeviance(new double[] {1}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("predicted");
    }

    @Test
    void cpaMaeUsesOnlyUnitsWithEnoughConversions() {
        double[] r = Metrics.cpaMae(new double[] {10, 10, 10}, new double[] {5, 1, 2}, new double[] {4, 1, 2}, 2);
        // |10/4 - 10/5| = 0.5 and |10/2 - 10/2| = 0 -> 0.25 over 2 units
        assertThat(r[0]).isCloseTo(0.25, within(1e-12));
        assertThat(r[1]).isEqualTo(2);
    }

    /** A property (QuickTheories): random predictions, the shrunk counterexample and the seed printed on failure. */
    @Test
    void calibrationDecilesPartitionTheUnits() {
        qt().withExamples(50)
                .forAll(lists().of(doubles().between(0.01, 50)).ofSizeBetween(10, 200))
                .checkAssert(MetricsTest::calibrationDecilesPartitionTheUnits);
    }

    private static void calibrationDecilesPartitionTheUnits(List<Double> preds) {
        double[] p = preds.stream().mapToDouble(Double::doubleValue).toArray();
        double[] o = preds.stream().mapToDouble(x -> Math.floor(x)).toArray();
        List<Metrics.Decile> deciles = Metrics.calibration(o, p);
        assertThat(deciles).hasSize(10);
        assertThat(deciles.stream().mapToInt(Metrics.Decile::n).sum()).isEqualTo(p.length);
        assertThat(deciles.stream().mapToDouble(Metrics.Decile::predicted).sum())
                .isCloseTo(Arrays.stream(p).sum(), within(1e-6));
        for (int d = 1; d < 10; d++) {
            if (deciles.get(d).n() > 0 && deciles.get(d - 1).n() > 0) {
                assertThat(deciles.get(d).predicted() / deciles.get(d).n())
                        .isGreaterThanOrEqualTo(deciles.get(d - 1).predicted()
                                        / deciles.get(d - 1).n()
                                - 1e-9);
            }
        }
    }

    @Test
    void methodOfMomentsRecoversTheGammaMixingVariance() {
        RandomDataGenerator rng = new RandomDataGenerator(11);
        double v = 0.25; // Gamma shape 4, mean 1
        SplittableRandom r = new SplittableRandom(3);
        int n = 20000;
        double[] obs = new double[n];
        double[] pred = new double[n];
        for (int i = 0; i < n; i++) {
            pred[i] = 2 + 20 * r.nextDouble();
            obs[i] = rng.nextPoisson(pred[i] * rng.nextGamma(1 / v, v));
        }
        double vHat = Metrics.overdispersion(obs, pred);
        assertThat(vHat).isCloseTo(v, within(0.02));
        assertThat(Metrics.weightFromOverdispersion(vHat)).isCloseTo(4, within(0.4));
    }

    @Test
    void weightIsClampedAndPureNoiseGivesTheMaximum() {
        assertThat(Metrics.weightFromOverdispersion(0)).isEqualTo(Metrics.MAX_WEIGHT);
        assertThat(Metrics.weightFromOverdispersion(50)).isEqualTo(Metrics.MIN_WEIGHT);
        assertThat(Metrics.weightFromOverdispersion(Double.NaN)).isEqualTo(Metrics.MIN_WEIGHT);
    }
}
