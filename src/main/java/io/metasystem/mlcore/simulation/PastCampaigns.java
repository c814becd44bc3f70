package io.metasystem.mlcore.simulation;

import org.hipparchus.random.RandomDataGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Simulated history of past accounts (the training data of a prior model): cold-start accounts of another seed
 * family, every ad set delivered from its start at the advertiser's own fixed, uneven split (Gamma(2, 1) weights over
 * the live ad sets) for a number of days, with the market's noise. No optimizer is involved, so the training data do
 * not depend on the policy being evaluated.
 */
public final class PastCampaigns {
    private final ColdStartScenarioGenerator generator;

    public PastCampaigns(ColdStartScenarioGenerator generator) {
        this.generator = generator;
    }

    /** Ad-set totals of accounts {@code 0 .. accounts−1} of {@code seed}, each run for {@code days} scored days. */
    public List<AdSetOutcome> outcomes(long seed, int accounts, int days) {
        if (accounts < 1 || days < 1) {
            throw new IllegalArgumentException("accounts and days must be >= 1, were " + accounts + ", " + days);
        }
        return IntStream.range(0, accounts)
                .parallel()
                .mapToObj(k -> account(generator.generate(seed, k), k, days))
                .flatMap(List::stream)
                .toList();
    }

    static List<AdSetOutcome> account(ColdStartScenario cold, int account, int days) {
        MarketScenario s = cold.scenario();
        AdMarket market = new AdMarket(s);
        List<AdSetTruth> truth = s.adSets();
        int n = truth.size();
        RandomDataGenerator rng = Seeds.rng(Seeds.mix(s.seed(), 0x9A57L));
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = rng.nextGamma(2.0, 1.0);
        }
        double[] cumulative = new double[n];
        double[][] totals = new double[n][4];
        for (int day = -s.warmupDays(); day < days; day++) {
            double live = 0;
            for (int i = 0; i < n; i++) {
                live += truth.get(i).liveOn(day) ? weights[i] : 0;
            }
            for (int i = 0; i < n; i++) {
                if (!truth.get(i).liveOn(day)) {
                    continue;
                }
                double budget = ScenarioGenerator.round2(s.constraints().total() * weights[i] / live);
                DayOutcome o = market.draw(i, day, budget, cumulative[i]);
                cumulative[i] += o.impressions();
                totals[i][0] += 1;
                totals[i][1] += o.spend();
                totals[i][2] += o.clicks();
                totals[i][3] += o.conversions();
            }
        }
        List<AdSetOutcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = truth.get(i).id();
            out.add(new AdSetOutcome(
                    account,
                    id,
                    cold.attributes().get(id),
                    (int) totals[i][0],
                    totals[i][1],
                    totals[i][2],
                    totals[i][3]));
        }
        return out;
    }
}
