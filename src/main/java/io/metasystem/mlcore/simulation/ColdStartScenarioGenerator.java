package io.metasystem.mlcore.simulation;

import org.hipparchus.random.RandomDataGenerator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts for the cold-start benchmark: 3–7 established ad sets from the warm-up on, and 2–4 new ones that all
 * launch on scored day 3–7 with no history. Every ad set has {@link SyntheticAdSetTraits} drawn uniformly; its CPM,
 * CTR and CVR are the {@link MarketParameters} medians × the attributes' {@link AttributeEffects} × an account factor
 * on CVR (log-sd {@value #ACCOUNT_LOG_SD}, e.g. product and landing page, unknown to any model) × a per-ad-set residual
 * (log-sd {@value #RESIDUAL_LOG_SD} on each of CPM, CTR and CVR). The other parameters (saturation, elasticity,
 * fatigue, delivery, dispersion, order value, seasonality) use the ranges of {@link MarketParameters}. No min/max per
 * ad set and no advertiser pauses; 25 % of accounts cap daily changes at 30 % or 50 %.
 *
 * <p>A separate generation path on its own random stream (salted seed): {@link ScenarioGenerator} and the backtest
 * scenarios are untouched. {@code generate(seed, index)} is a pure function.
 */
public final class ColdStartScenarioGenerator {
    /** Log-sd of the account-level CVR factor. */
    public static final double ACCOUNT_LOG_SD = 0.2;
    /** Log-sd of each per-ad-set residual (CPM, CTR, CVR). */
    public static final double RESIDUAL_LOG_SD = 0.3;

    private static final long SALT = 0xC01D57A27L;

    private static final long CREATIVE_SALT = 0xC2EA71FEL;

    private final MarketParameters parameters;
    private final AttributeEffects effects;
    private final CreativeEffects creativeEffects;

    /**
     * @param creativeEffects nullable: without it the ad sets carry no creative features (the original benchmark,
     *     bit-identical); with it every ad set gets {@code creative_*} features drawn on a stream of their own (so the
     *     rest of the scenario is the same draw) whose effects move its true rates ({@link CreativeEffects#NONE}: the
     *     no-effect control)
     */
    public ColdStartScenarioGenerator(
            MarketParameters parameters, AttributeEffects effects, CreativeEffects creativeEffects) {
        this.parameters = parameters;
        this.effects = effects;
        this.creativeEffects = creativeEffects;
    }

    public ColdStartScenarioGenerator(MarketParameters parameters, AttributeEffects effects) {
        this(parameters, effects, null);
    }

    /** Default market and attribute effects, creatives with {@code creativeEffects} (see the main constructor). */
    public ColdStartScenarioGenerator(CreativeEffects creativeEffects) {
        this(MarketParameters.DEFAULT, AttributeEffects.DEFAULT, creativeEffects);
    }

    public ColdStartScenarioGenerator() {
        this(MarketParameters.DEFAULT, AttributeEffects.DEFAULT);
    }

    public AttributeEffects effects() {
        return effects;
    }

    /** Nullable: the creative effects, null when ad sets carry no creative features. */
    public CreativeEffects creativeEffects() {
        return creativeEffects;
    }

    /** Scenario number {@code index} of the cold-start family identified by {@code seed}. */
    public ColdStartScenario generate(long seed, int index) {
        MarketParameters p = parameters;
        long scenarioSeed = Seeds.mix(seed ^ SALT, index);
        RandomDataGenerator rng = Seeds.rng(scenarioSeed);
        int established = rng.nextInt(3, 7);
        int fresh = rng.nextInt(2, 4);
        int n = established + fresh;
        int launchDay = rng.nextInt(3, 7);
        double total = ScenarioGenerator.round2(Math.exp(rng.nextUniform(Math.log(100), Math.log(p.maxTotalBudget()))));
        double equalShare = total / n;
        double tightness =
                Math.exp(rng.nextUniform(Math.log(p.saturationMinShare()), Math.log(p.saturationMaxShare())));
        Double cap = rng.nextDouble() < p.changeCapProbability() ? (rng.nextDouble() < 0.5 ? 0.3 : 0.5) : null;
        double accountCvr = Math.exp(ACCOUNT_LOG_SD * rng.nextGaussian());

        int warmup = p.warmupDays();
        List<AdSetTruth> adSets = new ArrayList<>();
        Map<String, SyntheticAdSetTraits> attributes = new HashMap<>();
        Set<String> newIds = new HashSet<>();
        double sumCpa = 0;
        for (int i = 0; i < n; i++) {
            SyntheticAdSetTraits attr = new SyntheticAdSetTraits(
                    pick(rng, AttributeEffects.AUDIENCES),
                    pick(rng, AttributeEffects.PLACEMENTS),
                    pick(rng, AttributeEffects.CREATIVES));
            double logCpm = effects.logCpm(attr);
            double logCtr = effects.logCtr(attr);
            double logCvr = effects.logCvr(attr);
            if (creativeEffects != null) {
                attr = withCreativeFeatures(attr, Seeds.rng(Seeds.mix(scenarioSeed, CREATIVE_SALT, i)));
                logCpm += creativeEffects.log(attr.creativeFeatures(), 0);
                logCtr += creativeEffects.log(attr.creativeFeatures(), 1);
                logCvr += creativeEffects.log(attr.creativeFeatures(), 2);
            }
            double cpm = p.cpmMedian() * Math.exp(logCpm + RESIDUAL_LOG_SD * rng.nextGaussian());
            double ctr = Math.min(0.2, p.ctrMedian() * Math.exp(logCtr + RESIDUAL_LOG_SD * rng.nextGaussian()));
            double cvr =
                    Math.min(0.5, p.cvrMedian() * accountCvr * Math.exp(logCvr + RESIDUAL_LOG_SD * rng.nextGaussian()));
            AdSetDynamics dynamics = AdSetDynamics.draw(rng, p, equalShare, tightness, cpm);
            boolean isNew = i >= established;
            String id = String.format("as-%02d", i + 1);
            String name = (isNew ? "new ad set " : "ad set ") + (i + 1);
            adSets.add(dynamics.truth(id, name, cpm, ctr, cvr, isNew ? launchDay : -warmup, Integer.MAX_VALUE));
            attributes.put(id, attr);
            if (isNew) {
                newIds.add(id);
            }
            sumCpa += cpm / (1000 * ctr * cvr);
        }
        double targetCpa = ScenarioGenerator.round2(sumCpa / n * rng.nextUniform(0.7, 1.3));

        double[] weights = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            boolean live = i < established;
            weights[i] = live ? rng.nextGamma(2.0, 1.0) : 0;
            hi[i] = live ? Double.POSITIVE_INFINITY : 0;
        }
        double[] initial = Allocations.fit(weights, lo, hi, total);
        List<Double> initialBudgets = new ArrayList<>();
        double sum = 0;
        for (double b : initial) {
            initialBudgets.add(ScenarioGenerator.round2(b));
            sum += ScenarioGenerator.round2(b);
        }
        initialBudgets.set(0, ScenarioGenerator.round2(initialBudgets.get(0) + total - sum));

        LocalDate first = LocalDate.of(2026, 3, 2).plusDays(index % 7);
        String label = (total < 500 ? "small" : total < 2000 ? "medium" : "large") + "/"
                + (tightness < 1 ? "loose" : "tight") + "/" + established + "+" + fresh + " new on day " + launchDay
                + (cap != null ? "/cap " + Math.round(cap * 100) + "%" : "");
        BudgetConstraints constraints = new BudgetConstraints(total, 0, null, cap, targetCpa);
        MarketShocks shocks = MarketShocks.NONE;
        MarketScenario scenario = ScenarioGenerator.withSeasons(
                rng, p, scenarioSeed, index, label, first, warmup, constraints, adSets, initialBudgets, shocks);
        return new ColdStartScenario(scenario, attributes, newIds, launchDay);
    }

    /**
     * What vision would store for the ad set's creatives: {@code creative_media} from the {@code creative} attribute
     * (a carousel is images), a person in the opening seconds in 40 % of ad sets, a person later on in 30 % of the
     * others, brightness dark / medium / bright 25 / 55 / 20 %, colourfulness low / medium / high 30 / 45 / 25 %.
     */
    static SyntheticAdSetTraits withCreativeFeatures(SyntheticAdSetTraits attr, RandomDataGenerator rng) {
        boolean opening = rng.nextUniform(0, 1) < 0.4;
        boolean person = opening || rng.nextUniform(0, 1) < 0.3;
        double b = rng.nextUniform(0, 1);
        double c = rng.nextUniform(0, 1);
        Map<String, String> features = new HashMap<>();
        features.put(CreativeEffects.MEDIA, attr.creative().equals("video") ? "video" : "image");
        features.put(CreativeEffects.PERSON, person ? "yes" : "no");
        features.put(CreativeEffects.PERSON_OPENING, opening ? "yes" : "no");
        features.put(CreativeEffects.BRIGHTNESS, b < 0.25 ? "dark" : b < 0.80 ? "medium" : "bright");
        features.put(CreativeEffects.COLOURFULNESS, c < 0.30 ? "low" : c < 0.75 ? "medium" : "high");
        return new SyntheticAdSetTraits(attr.audience(), attr.placement(), attr.creative(), features);
    }

    private static String pick(RandomDataGenerator rng, List<String> levels) {
        return levels.get(rng.nextInt(0, levels.size() - 1));
    }
}
