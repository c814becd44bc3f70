package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.ml.FeatureTable;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.simulation.AdMarket;
import io.metasystem.mlcore.simulation.AdSetTruth;
import io.metasystem.mlcore.simulation.AttributeEffects;
import io.metasystem.mlcore.simulation.Backtest;
import io.metasystem.mlcore.simulation.ClairvoyantPolicy;
import io.metasystem.mlcore.simulation.ColdStartScenario;
import io.metasystem.mlcore.simulation.ColdStartScenarioGenerator;
import io.metasystem.mlcore.simulation.CreativeEffects;
import io.metasystem.mlcore.simulation.MarketScenario;
import io.metasystem.mlcore.simulation.OptimizerPolicy;
import io.metasystem.mlcore.simulation.PastCampaigns;
import io.metasystem.mlcore.simulation.Policy;
import io.metasystem.mlcore.simulation.PolicyRun;
import io.metasystem.mlcore.simulation.PriorLookup;
import io.metasystem.mlcore.simulation.ScenarioGenerator;
import io.metasystem.mlcore.simulation.Seeds;
import io.metasystem.mlcore.simulation.SyntheticAdSetTraits;
import org.hipparchus.random.RandomDataGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Do model priors help the optimizer with new ad sets? Trains on simulated past campaigns (another seed family),
 * then runs on held-out cold-start accounts: the optimizer as the API calls it without priors, with the model's
 * priors for the new ad sets (as {@code use_model_priors} attaches them to ad sets that carry attributes), with
 * priors computed from <em>random</em> attributes (a deliberately wrong model with the same weight), and the
 * clairvoyant reference. Deterministic for the settings, in parallel over scenarios.
 */
public final class ColdStartBenchmark {
    /** Days after launch that count as the cold-start window. */
    public static final int LAUNCH_WINDOW = 7;

    public static final String NO_PRIORS = "optimizer";
    public static final String CLAIRVOYANT = "clairvoyant";
    /** Prefix of the name of a policy with a model's priors. */
    public static final String PRIORS_PREFIX = "priors:";

    /**
     * @param scenarios       held-out cold-start accounts to score
     * @param days            scored days per account
     * @param seed            seed of the scored family
     * @param historyAccounts past accounts to train on
     * @param historyDays     days each past account ran
     */
    public record Settings(int scenarios, int days, long seed, int historyAccounts, int historyDays) {
        public Settings {
            if (scenarios < 1 || days < 1 || historyAccounts < 1 || historyDays < 1) {
                throw new IllegalArgumentException("scenarios, days, historyAccounts and historyDays must be >= 1");
            }
        }

        /** Seed of the past accounts: a different family from {@link #seed()}, derived from it. */
        public long historySeed() {
            return Seeds.mix(seed, 0x4157L);
        }
    }

    private final ColdStartScenarioGenerator generator;
    private final Settings settings;

    public ColdStartBenchmark(ColdStartScenarioGenerator generator, Settings settings) {
        this.generator = generator;
        this.settings = settings;
    }

    /** Training data: the past accounts' ad sets as a feature table, with their creative features if any. */
    public FeatureTable trainingTable() {
        return trainingTable(true);
    }

    /**
     * Training data: the past accounts' ad sets as a feature table.
     *
     * @param creativeFeatures whether the ad sets' {@code creative_*} features (when the generator draws them) are
     *     columns; the rows are the same either way
     */
    public FeatureTable trainingTable(boolean creativeFeatures) {
        return TrainingRows.table(
                new PastCampaigns(generator)
                        .outcomes(settings.historySeed(), settings.historyAccounts(), settings.historyDays()),
                settings.historyAccounts() + " simulated past accounts x " + settings.historyDays() + " days, seed "
                        + settings.historySeed(),
                creativeFeatures);
    }

    /** Name of the policy with the priors of {@code model}. */
    public static String withPriors(AttributePriors model) {
        return PRIORS_PREFIX + model.model();
    }

    /** Name of the policy with priors of {@code model} from random attributes. */
    public static String wrongPriors(AttributePriors model) {
        return "wrong-priors:" + model.model();
    }

    /** Scores every policy on scenarios {@code 0 .. scenarios−1}; {@code progress} gets the count finished. */
    public ColdStartReport run(List<AttributePriors> models, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        List<ColdStartRun> runs = IntStream.range(0, settings.scenarios())
                .parallel()
                .mapToObj(k -> {
                    List<ColdStartRun> r = scenario(generator.generate(settings.seed(), k), models);
                    progress.accept(done.incrementAndGet());
                    return r;
                })
                .flatMap(List::stream)
                .toList();
        List<String> policies = new ArrayList<>(List.of(NO_PRIORS));
        for (AttributePriors m : models) {
            policies.add(withPriors(m));
            policies.add(wrongPriors(m));
        }
        policies.add(CLAIRVOYANT);
        return new ColdStartReport(
                settings, models.stream().map(ModelSummary::of).toList(), policies, runs);
    }

    /** Every policy on one account, in report order. */
    List<ColdStartRun> scenario(ColdStartScenario cold, List<AttributePriors> models) {
        MarketScenario s = cold.scenario();
        List<AdSetTruth> truth = s.adSets();
        List<Integer> fresh = cold.newIndices();
        List<String> freshIds = fresh.stream().map(i -> truth.get(i).id()).toList();
        double equalShare = s.constraints().total() / truth.size();
        boolean[] bad = badNewAdSets(cold, equalShare);

        List<Policy> policies = new ArrayList<>();
        policies.add(new OptimizerPolicy(NO_PRIORS, PriorLookup.NONE));
        for (AttributePriors m : models) {
            Map<String, Prior> right = new HashMap<>();
            Map<String, Prior> wrong = new HashMap<>();
            for (int i : fresh) {
                String id = truth.get(i).id();
                right.put(id, m.prior(cold.attributes().get(id), equalShare));
                wrong.put(
                        id,
                        m.prior(randomAttributes(s.seed(), i, cold.attributes().get(id)), equalShare));
            }
            policies.add(new OptimizerPolicy(withPriors(m), (seed, id) -> right.get(id)));
            policies.add(new OptimizerPolicy(wrongPriors(m), (seed, id) -> wrong.get(id)));
        }
        policies.add(new ClairvoyantPolicy());

        Backtest backtest = new Backtest(new ScenarioGenerator(), List.of(), settings.days());
        int from = Math.min(cold.launchDay(), settings.days());
        int to = Math.min(cold.launchDay() + LAUNCH_WINDOW, settings.days());
        int badCount = 0;
        for (boolean b : bad) {
            badCount += b ? 1 : 0;
        }
        List<ColdStartRun> out = new ArrayList<>();
        for (Policy p : policies) {
            RecordingPolicy recorder = new RecordingPolicy(p, freshIds, settings.days());
            PolicyRun run = backtest.run(recorder, s);
            double expected = 0;
            double optimum = 0;
            double badBudget = 0;
            for (int t = from; t < to; t++) {
                expected += run.dailyExpected()[t];
                optimum += run.dailyOptimum()[t];
                for (int k = 0; k < fresh.size(); k++) {
                    badBudget += bad[k] ? recorder.budgets()[t][k] : 0;
                }
            }
            double windowBudget = (to - from) * s.constraints().total();
            out.add(new ColdStartRun(
                    s.index(),
                    s.label(),
                    p.name(),
                    run.share(),
                    optimum > 0 ? expected / optimum : 1,
                    windowBudget > 0 ? badBudget / windowBudget : 0,
                    badCount,
                    run.violations(),
                    run.errors()));
        }
        return out;
    }

    /**
     * Which new ad sets (in {@link ColdStartScenario#newIndices()} order) are bad: true CPA at the equal share with a
     * fresh creative on launch day above 2× the median of the account's ad sets.
     */
    static boolean[] badNewAdSets(ColdStartScenario cold, double equalShare) {
        MarketScenario s = cold.scenario();
        AdMarket market = new AdMarket(s);
        int n = s.adSets().size();
        double[] cpa = new double[n];
        for (int i = 0; i < n; i++) {
            cpa[i] = market.curve(i, cold.launchDay(), 0).cpa(equalShare);
        }
        double[] sorted = cpa.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        List<Integer> fresh = cold.newIndices();
        boolean[] bad = new boolean[fresh.size()];
        for (int k = 0; k < bad.length; k++) {
            bad[k] = cpa[fresh.get(k)] > 2 * median;
        }
        return bad;
    }

    /**
     * Attributes drawn uniformly at random, independent of the ad set's truth (seeded by scenario and ad set), with
     * random levels of the creative features {@code like} has.
     */
    static SyntheticAdSetTraits randomAttributes(long scenarioSeed, int adSet, SyntheticAdSetTraits like) {
        RandomDataGenerator rng = Seeds.rng(Seeds.mix(scenarioSeed, 0xBADL, adSet));
        String audience = pick(rng, AttributeEffects.AUDIENCES);
        String placement = pick(rng, AttributeEffects.PLACEMENTS);
        String creative = pick(rng, AttributeEffects.CREATIVES);
        Map<String, String> features = new HashMap<>();
        for (String feature : like.creativeFeatures().keySet()) {
            features.put(feature, pick(rng, CreativeEffects.LEVELS.get(feature)));
        }
        return new SyntheticAdSetTraits(audience, placement, creative, features);
    }

    private static String pick(RandomDataGenerator rng, List<String> levels) {
        return levels.get(rng.nextInt(0, levels.size() - 1));
    }
}
