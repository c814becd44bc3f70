package io.metasystem.mlcore.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedDifferenceTest {
    @Test
    void pairedTIntervalMatchesTheClosedForm() {
        // d = 1, 2, 3, 4, 5: mean 3, sd √2.5, t(0.975, 4) = 2.7764451
        double[] a = {2, 4, 6, 8, 10};
        double[] b = {1, 2, 3, 4, 5};
        PairedDifference d = PairedDifference.of(a, b, 1);
        double half = 2.7764451051977987 * Math.sqrt(2.5) / Math.sqrt(5);
        assertThat(d.mean()).isCloseTo(3, within(1e-12));
        assertThat(d.sd()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(d.tLow()).isCloseTo(3 - half, within(1e-9));
        assertThat(d.tHigh()).isCloseTo(3 + half, within(1e-9));
        assertThat(d.bootLow()).isBetween(1.0, 3.0);
        assertThat(d.bootHigh()).isBetween(3.0, 5.0);
        assertThat(d.wins()).isEqualTo(5);
        assertThat(d.significantlyPositive()).isTrue();
    }

    @Test
    void symmetricDifferencesAreNotSignificant() {
        double[] a = {1, -1, 2, -2, 0.5, -0.5};
        PairedDifference d = PairedDifference.of(a, new double[6], 7);
        assertThat(d.mean()).isCloseTo(0, within(1e-12));
        assertThat(d.significantlyPositive()).isFalse();
        assertThat(d.tLow()).isNegative();
        assertThat(d.bootLow()).isNegative();
        assertThat(d.wins() + d.losses() + d.ties()).isEqualTo(6);
        assertThat(PairedDifference.of(a, new double[6], 7)).isEqualTo(d);
    }

    @Test
    void needsPairs() {
        assertThatThrownBy(() -> PairedDifference.of(new double[] {1}, new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairedDifference.of(new double[] {1, 2}, new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
