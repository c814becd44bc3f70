package io.metasystem.mlcore.reporting.model;

import java.util.SplittableRandom;

/** Seeded draws: standard normal (Box–Muller) and Gamma(shape, 1) (Marsaglia and Tsang 2000). */
final class Gammas {
    private Gammas() {}

    static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** @param shape > 0 */
    static double sample(SplittableRandom random, double shape) {
        if (shape < 1) {
            return sample(random, shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
