package io.metasystem.mlcore.reporting.model;

/**
 * Normalised geometric adstock (Jin et al. 2017, "Bayesian Methods for Media Mix Modeling with Carryover and Shape
 * Effects"; Robyn's and PyMC-Marketing's {@code geometric_adstock} with {@code normalize=True}):
 * {@code a_t = λ·a_{t−1} + (1 − λ)·s_t}, {@code a_{−1} = 0}. The weights {@code (1 − λ)λ^k} sum to one, so a unit of
 * spend contributes one unit of adstock in all, spread over the following days, and β in {@code β·a_t} is the
 * total (all-days) response per unit of spend.
 */
public final class Adstock {
    private Adstock() {}

    /**
     * @param spend  daily spend, account currency per day, oldest first
     * @param lambda daily decay in [0, 1)
     * @return the adstock of each day
     * @throws IllegalArgumentException when {@code lambda} is outside [0, 1)
     */
    public static double[] geometric(double[] spend, double lambda) {
        if (!(lambda >= 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in [0, 1), got " + lambda);
        }
        double[] out = new double[spend.length];
        double carry = 0;
        for (int t = 0; t < spend.length; t++) {
            carry = lambda * carry + (1 - lambda) * spend[t];
            out[t] = carry;
        }
        return out;
    }

    /** @return days until half of an impulse's adstock is used up: {@code ln 0.5 / ln λ} (0 for λ = 0) */
    public static double halfLifeDays(double lambda) {
        return lambda <= 0 ? 0 : Math.log(0.5) / Math.log(lambda);
    }
}
