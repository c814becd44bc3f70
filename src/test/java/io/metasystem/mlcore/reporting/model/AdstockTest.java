package io.metasystem.mlcore.reporting.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdstockTest {
    @Test
    void anImpulseDecaysGeometricallyWithWeightsSummingToOne() {
        double lambda = 0.6;
        double[] spend = new double[200];
        spend[0] = 100;
        double[] a = Adstock.geometric(spend, lambda);
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            assertThat(a[k]).isCloseTo(100 * (1 - lambda) * Math.pow(lambda, k), within(1e-9));
            sum += a[k];
        }
        assertThat(sum).isCloseTo(100, within(1e-6));
    }

    @Test
    void constantSpendConvergesToItselfAndZeroDecayIsTheIdentity() {
        double[] spend = new double[100];
        Arrays.fill(spend, 50);
        double[] a = Adstock.geometric(spend, 0.5);
        assertThat(a[99]).isCloseTo(50, within(1e-9));
        assertThat(a[2]).isCloseTo(50 * (1 - Math.pow(0.5, 3)), within(1e-9));
        SplittableRandom r = new SplittableRandom(3);
        double[] random = r.doubles(30, 0, 100).toArray();
        assertThat(Adstock.geometric(random, 0)).containsExactly(random);
    }

    @Test
    void halfLifeIsWhereHalfOfTheImpulseIsLeft() {
        for (double lambda : new double[] {0.1, 0.5, 0.84}) {
            assertThat(Math.pow(lambda, Adstock.halfLifeDays(lambda))).isCloseTo(0.5, within(1e-12));
        }
        assertThat(Adstock.halfLifeDays(0)).isZero();
        assertThatThrownBy(() -> Adstock.geometric(new double[1], 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
