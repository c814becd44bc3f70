package io.metasystem.mlcore.reporting.model;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConjugateRegressionTest {
    /** One regressor, closed form: Vₙ = 1/(1/v₀ + Σx²), mₙ = Vₙ Σxy, bₙ = b₀ + (Σy² − mₙ²/Vₙ)/2. */
    @Test
    void oneRegressorMatchesTheScalarClosedForm() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 40;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble(-2, 2);
            y[i] = 1.5 * x[i][0] + Gammas.normal(r) * 0.3;
            sxx += x[i][0] * x[i][0];
            sxy += x[i][0] * y[i];
            syy += y[i] * y[i];
        }
        double v0 = 4;
        ConjugateRegression fit = ConjugateRegression.fit(x, y, new double[] {v0}, 2, 1);
        double vn = 1 / (1 / v0 + sxx);
        double mn = vn * sxy;
        assertThat(fit.covarianceUnit()[0][0]).isCloseTo(vn, within(1e-12));
        assertThat(fit.mean()[0]).isCloseTo(mn, within(1e-12));
        assertThat(fit.shape()).isEqualTo(2 + n / 2.0);
        assertThat(fit.scale()).isCloseTo(1 + (syy - mn * mn / vn) / 2, within(1e-9));
        // marginal likelihood: y ~ N(0, σ²(I + v₀xxᵀ)) integrated over σ² is a Student-t; check against the
        // closed form with the matrix determinant lemma and Sherman–Morrison
        double quad = syy - v0 * sxy * sxy / (1 + v0 * sxx);
        double logDet = Math.log(1 + v0 * sxx);
        double expected = -n / 2.0 * Math.log(2 * Math.PI)
                - 0.5 * logDet
                + 2 * Math.log(1)
                - (2 + n / 2.0) * Math.log(1 + quad / 2);
        assertThat(fit.logEvidence()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aFlatPriorGivesOrdinaryLeastSquares() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 200;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, r.nextDouble(), r.nextDouble()};
            y[i] = 2 - x[i][1] + 3 * x[i][2] + 0.01 * Gammas.normal(r);
        }
        ConjugateRegression fit = ConjugateRegression.fit(x, y, new double[] {1e12, 1e12, 1e12}, 1, 1);
        assertThat(fit.mean()[0]).isCloseTo(2, within(0.01));
        assertThat(fit.mean()[1]).isCloseTo(-1, within(0.01));
        assertThat(fit.mean()[2]).isCloseTo(3, within(0.01));
    }
}
