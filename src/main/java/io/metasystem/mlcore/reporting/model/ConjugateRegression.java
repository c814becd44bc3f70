package io.metasystem.mlcore.reporting.model;

/**
 * Bayesian linear regression with the conjugate normal–inverse-gamma prior {@code θ | σ² ~ N(0, σ² V₀)},
 * {@code σ² ~ IG(a₀, b₀)}, {@code V₀} diagonal (Gelman et al., Bayesian Data Analysis, 3rd ed., §14.2; Murphy 2007,
 * "Conjugate Bayesian analysis of the Gaussian distribution"). Posterior: {@code Vₙ = (V₀⁻¹ + XᵀX)⁻¹},
 * {@code mₙ = Vₙ Xᵀy}, {@code aₙ = a₀ + n/2}, {@code bₙ = b₀ + (yᵀy − mₙᵀ Vₙ⁻¹ mₙ)/2}; the log marginal likelihood is
 * {@code −n/2 ln 2π + ½ ln|Vₙ|/|V₀| + a₀ ln b₀ − aₙ ln bₙ + ln Γ(aₙ) − ln Γ(a₀)}.
 *
 * @param mean           posterior mean mₙ
 * @param covarianceUnit Vₙ (the posterior covariance of θ is σ²·Vₙ)
 * @param shape          aₙ
 * @param scale          bₙ
 * @param logEvidence    log marginal likelihood up to the terms that depend only on n, a₀ and V₀'s size (those are
 *                       equal for designs of the same shape, so ratios between them are exact)
 */
public record ConjugateRegression(
        double[] mean, double[][] covarianceUnit, double shape, double scale, double logEvidence) {

    /**
     * @param x          design, n rows of p columns
     * @param y          responses, n
     * @param priorVar   diagonal of V₀, p positive values
     * @param priorShape a₀ > 0
     * @param priorScale b₀ > 0
     * @throws IllegalArgumentException when the posterior precision is not positive definite
     */
    public static ConjugateRegression fit(
            double[][] x, double[] y, double[] priorVar, double priorShape, double priorScale) {
        int n = y.length;
        int p = priorVar.length;
        double[][] precision = new double[p][p];
        double[] xty = new double[p];
        double yty = 0;
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            for (int a = 0; a < p; a++) {
                xty[a] += row[a] * y[i];
                for (int b = 0; b <= a; b++) {
                    precision[a][b] += row[a] * row[b];
                }
            }
            yty += y[i] * y[i];
        }
        for (int a = 0; a < p; a++) {
            precision[a][a] += 1 / priorVar[a];
            for (int b = 0; b < a; b++) {
                precision[b][a] = precision[a][b];
            }
        }
        double[][] chol = cholesky(precision);
        double[] mean = solve(chol, xty);
        double quad = 0;
        for (int a = 0; a < p; a++) {
            quad += mean[a] * xty[a]; // mₙᵀ Vₙ⁻¹ mₙ = mₙᵀ Xᵀy
        }
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            double[] e = new double[p];
            e[a] = 1;
            double[] col = solve(chol, e);
            for (int b = 0; b < p; b++) {
                cov[b][a] = col[b];
            }
        }
        double logDetVn = 0;
        double logDetV0 = 0;
        for (int a = 0; a < p; a++) {
            logDetVn -= 2 * Math.log(chol[a][a]);
            logDetV0 += Math.log(priorVar[a]);
        }
        double shape = priorShape + n / 2.0;
        double scale = priorScale + Math.max(0, yty - quad) / 2;
        double logEvidence = -n / 2.0 * Math.log(2 * Math.PI)
                + 0.5 * (logDetVn - logDetV0)
                + priorShape * Math.log(priorScale)
                - shape * Math.log(scale);
        return new ConjugateRegression(mean, cov, shape, scale, logEvidence);
    }

    static double[][] cholesky(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalArgumentException("posterior precision is not positive definite");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    static double[] solve(double[][] l, double[] b) {
        int p = b.length;
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
