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
        boolean[] active = context.activeMask();
        for (int i = 0; i < n; i++) {
            List<DailyMetrics> rows = context.adSets().get(i).daily();
            double c = 0;
            double s = 0;
            double w = 1;
            for (int r = rows.size() - 1; r >= 0; r--) {
                c += w * rows.get(r).conversions();
                s += w * rows.get(r).spend();
                w *= decay;
            }
            shape[i] = 1 + c;
            rate[i] = pooled + s;
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
                double v = rng.nextGamma(shape[i], 1.0 / rate[i]);
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
