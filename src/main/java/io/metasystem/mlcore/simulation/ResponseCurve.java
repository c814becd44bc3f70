package io.metasystem.mlcore.simulation;

/**
 * The true expected response of one ad set on one day as a function of its budget b (currency per day):
 * {@code E[conversions](b) = k · s · (1 + s/a)^(−γ)} with delivered spend {@code s = delivery · b}.
 * Increasing and strictly concave in b for γ in (0, 1).
 *
 * @param k          conversions per unit of spend at vanishing spend (after fatigue and seasonality)
 * @param delivery   share of the budget spent, in (0, 1]
 * @param saturation a, currency per day
 * @param gamma      γ in (0, 1)
 * @param orderValue mean revenue per conversion
 */
public record ResponseCurve(double k, double delivery, double saturation, double gamma, double orderValue)
        implements ConcaveCurve {

    @Override
    public double value(double budget) {
        return conversions(budget);
    }

    /** Expected conversions per day at budget b. */
    public double conversions(double budget) {
        double s = delivery * Math.max(0, budget);
        return k * s * Math.pow(1 + s / saturation, -gamma);
    }

    /** d E[conversions] / d b, strictly decreasing, equal to k · delivery at b = 0. */
    @Override
    public double slope(double budget) {
        double s = delivery * Math.max(0, budget);
        double x = s / saturation;
        return k * delivery * Math.pow(1 + x, -gamma - 1) * (1 + (1 - gamma) * x);
    }

    /**
     * The same curve in revenue: {@code k} scaled by the mean order value, order value 1, so {@link #conversions}
     * returns expected revenue per day and {@link #cpa} the cost per unit of revenue (1 / ROAS).
     */
    public ResponseCurve valued() {
        return new ResponseCurve(k * orderValue, delivery, saturation, gamma, 1.0);
    }

    /** Expected spend per day at budget b. */
    public double spend(double budget) {
        return delivery * Math.max(0, budget);
    }

    /** Expected cost per conversion at budget b (average, not marginal); +∞ at 0 conversions. */
    public double cpa(double budget) {
        double c = conversions(budget);
        return c > 0 ? spend(budget) / c : Double.POSITIVE_INFINITY;
    }
}
