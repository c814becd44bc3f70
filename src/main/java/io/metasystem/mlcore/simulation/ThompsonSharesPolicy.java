package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.DailyMetrics;
import org.hipparchus.random.RandomDataGenerator;

import java.util.List;

/**
 * Thompson-sampling shares: each ad set's conversions per unit of spend has a Gamma posterior
 * {@code Gamma(1 + C_i, pooledCpa + S_i)} (C, S decayed with a 7-day half-life); the budget is split in
 * proportion to the Monte Carlo probability that the ad set has the highest rate (1,000 draws, seeded by
 * scenario and day, floored at 1/1,000 so no ad set is paused), within bounds and change caps.
 */
final class ThompsonSharesPolicy implements Policy {
    static final int DRAWS = 1000;
    static final double HALF_LIFE_DAYS = 7.0;
    /** Pseudo-conversions of the pooled order value in each ad set's revenue per conversion (revenue mode). */
    static final double ORDER_VALUE_PRIOR = 5.0;

    private final boolean revenue;

    ThompsonSharesPolicy() {
        this(false);
    }

    /**
     * @param revenue when true, each draw of conversions per unit of spend is multiplied by the ad set's decayed
     *                revenue per conversion shrunk toward the pooled one ({@value #ORDER_VALUE_PRIOR}
     *                pseudo-conversions): P(highest revenue per unit of spend)
     */
    ThompsonSharesPolicy(boolean revenue) {
        this.revenue = revenue;
    }

    @Override
    public String name() {
        return "thompson-shares";
    }

    @Override
    public double[] allocate(PolicyContext context) {
        int n = context.adSets().size();
        double pooled = ProportionalPolicy.pooledCpa(context);
        double decay = Math.pow(0.5, 1.0 / HALF_LIFE_DAYS);
        double[] shape = new double[n];
        double[] rate = new double[n];
        double[] value = new double[n];
        double pooledRevenue = 0;
        double pooledConversions = 0;
        boolean[] active = context.activeMask();
        for (int i = 0; i < n; i++) {
            List<DailyMetrics> rows = context.adSets().get(i).daily();
            double c = 0;
            double s = 0;
            double v = 0;
            double w = 1;
            for (int r = rows.size() - 1; r >= 0; r--) {
                c += w * rows.get(r).conversions();
                s += w * rows.get(r).spend();
                v += w * rows.get(r).revenue();
                w *= decay;
            }
            shape[i] = 1 + c;
            rate[i] = pooled + s;
            value[i] = c > 0 ? v / c : Double.NaN;
            pooledRevenue += v;
            pooledConversions += c;
        }
        double pooledValue = pooledConversions > 0 && pooledRevenue > 0 ? pooledRevenue / pooledConversions : 1;
        for (int i = 0; i < n; i++) {
            double c = shape[i] - 1;
            value[i] = revenue
                    ? (c * (Double.isNaN(value[i]) ? pooledValue : value[i]) + ORDER_VALUE_PRIOR * pooledValue)
                            / (c + ORDER_VALUE_PRIOR)
                    : 1;
        }
        RandomDataGenerator rng = Seeds.rng(Seeds.mix(context.scenarioSeed(), context.day(), 0x7407L));
        double[] wins = new double[n];
        for (int d = 0; d < DRAWS; d++) {
            int best = -1;
            double bestValue = -1;
            for (int i = 0; i < n; i++) {
                if (!active[i]) {
                    continue;
                }
                double v = value[i] * rng.nextGamma(shape[i], 1.0 / rate[i]);
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            if (best >= 0) {
                wins[best]++;
            }
        }
        for (int i = 0; i < n; i++) {
            wins[i] = active[i] ? Math.max(wins[i], 1) : 0; // P(best) floored at 1/DRAWS: nobody is paused
        }
        BudgetConstraints.Box box = context.box();
        return Allocations.fit(
                wins, box.lower(), box.upper(), context.constraints().total());
    }
}
