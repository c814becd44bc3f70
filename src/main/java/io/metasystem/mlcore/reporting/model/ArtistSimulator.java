package io.metasystem.mlcore.reporting.model;

import java.util.SplittableRandom;

/**
 * Simulated artists with a known ad effect: daily streams = (level + trend) × weekday factor + a release that lifts
 * streams for two weeks (decaying as exp(−k/5)) + β·adstock_λ(flighted spend) + Gaussian noise. Flights alternate
 * 5-20 days without spend and 7-21 days at a level of 20-150 per day (±10 % daily). Deterministic given the seed.
 */
public final class ArtistSimulator {
    private ArtistSimulator() {}

    /**
     * One simulated artist.
     *
     * @param input      what the model sees (metric, spend, weekdays, the release day)
     * @param trueBeta   incremental streams per unit of spend (0 for a no-effect artist)
     * @param trueLambda daily decay of the ads' effect
     */
    public record Simulated(LagInput input, double trueBeta, double trueLambda) {}

    /**
     * @param seed     simulation seed (also seeds the posterior draws)
     * @param days     days, at least 28
     * @param noEffect true: β = 0
     */
    public static Simulated simulate(long seed, int days, boolean noEffect) {
        SplittableRandom r = new SplittableRandom(seed);
        double level = 2000 + r.nextDouble() * 18000;
        double trend = (r.nextDouble() - 0.5) * 0.6 * level / days;
        double[] weekday = new double[7];
        for (int d = 0; d < 7; d++) {
            weekday[d] = 1 + (r.nextDouble() - 0.5) * 0.2 + (d == 4 ? 0.08 : 0);
        }
        double beta = noEffect ? 0 : 2 + r.nextDouble() * 13;
        double lambda = 0.1 + r.nextDouble() * 0.7;
        double noise = (0.02 + r.nextDouble() * 0.03) * level;
        double[] spend = new double[days];
        int t = 0;
        boolean on = r.nextBoolean();
        while (t < days) {
            int length = on ? 7 + r.nextInt(15) : 5 + r.nextInt(16);
            double daily = 20 + r.nextDouble() * 130;
            for (int k = 0; k < length && t < days; k++, t++) {
                spend[t] = on ? daily * (0.9 + 0.2 * r.nextDouble()) : 0;
            }
            on = !on;
        }
        int release = days / 4 + r.nextInt(Math.max(1, days / 2));
        double lift = (0.1 + r.nextDouble() * 0.3) * level;
        int firstDow = r.nextInt(7);
        double[] adstock = Adstock.geometric(spend, lambda);
        double[] metric = new double[days];
        int[] dow = new int[days];
        for (int i = 0; i < days; i++) {
            dow[i] = (firstDow + i) % 7;
            double base = (level + trend * i) * weekday[dow[i]];
            int since = i - release;
            double event = since >= 0 && since < 14 ? lift * Math.exp(-since / 5.0) : 0;
            metric[i] = Math.max(0, base + event + beta * adstock[i] + noise * Gammas.normal(r));
        }
        return new Simulated(new LagInput(metric, spend, dow, new int[] {release}, seed * 31 + 7), beta, lambda);
    }
}
