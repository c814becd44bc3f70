package io.metasystem.mlcore.ml;

import org.hipparchus.random.RandomDataGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic tables with known rates. */
final class MlFixtures {
    private MlFixtures() {}

    static FeatureRow row(String group, int day, List<String> cats, double spend, double clicks, double conversions) {
        return new FeatureRow(group, day, cats, new double[0], spend, clicks, conversions);
    }

    static FeatureTable table(List<FeatureRow> rows, boolean temporal, String... cats) {
        return new FeatureTable(
                "synthetic", "conversions", List.of(cats), List.of(), rows, 0, 0, temporal, "test", "none");
    }

    /**
     * Two features a ∈ {a0,a1}, b ∈ {b0,b1,b2}; true rate per spend = 0.05 · 2^[a=a1] · 3^[b=b2]; spend uniform in
     * [5, 200] — the rate does not depend on spend, so the log(spend) offset is the right model.
     */
    static FeatureTable known(int n, long seed, boolean temporal) {
        RandomDataGenerator rng = new RandomDataGenerator(seed);
        SplittableRandom r = new SplittableRandom(seed);
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String a = "a" + r.nextInt(2);
            String b = "b" + r.nextInt(3);
            double spend = 5 + 195 * r.nextDouble();
            double rate = trueRate(a, b);
            double clicks = rng.nextPoisson(spend * 0.5) + 1;
            rows.add(row(
                    "g" + (i % (n / 4)),
                    temporal ? i % 30 : -1,
                    List.of(a, b),
                    spend,
                    clicks,
                    rng.nextPoisson(rate * spend)));
        }
        return table(rows, temporal, "a", "b");
    }

    static double trueRate(String a, String b) {
        return 0.05 * (a.equals("a1") ? 2 : 1) * (b.equals("b2") ? 3 : 1);
    }
}
