package io.metasystem.mlcore.simulation;

import org.hipparchus.random.RandomDataGenerator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws reproducible, varied {@link MarketScenario}s: small and large accounts, tight and loose budgets
 * (budget relative to the spend at which CPM saturates), 4–12 ad sets, with and without min/max/change caps.
 * {@code generate(seed, index)} is a pure function.
 */
public final class ScenarioGenerator {
    /** Keep each scenario's own change cap (or none), see {@link #withChangeCap}. */
    public static final double SCENARIO_CAP = -1;

    private final MarketParameters parameters;
    private final MarketFamily family;
    private final double changeCap;

    public ScenarioGenerator(MarketParameters parameters) {
        this(parameters, MarketFamily.DEFAULT, SCENARIO_CAP);
    }

    private ScenarioGenerator(MarketParameters parameters, MarketFamily family, double changeCap) {
        this.parameters = parameters;
        this.family = family;
        this.changeCap = changeCap;
    }

    /** The generator of {@code family} over the calibrated default ranges. */
    public static ScenarioGenerator of(MarketFamily family) {
        return new ScenarioGenerator(MarketParameters.DEFAULT, family, SCENARIO_CAP);
    }

    /**
     * The same scenarios with the change cap replaced on every scenario: {@code ratio} &ge; 0 imposes that cap,
     * {@link Double#NaN} removes every cap, {@link #SCENARIO_CAP} keeps each scenario's own. Every other draw is
     * unchanged, so runs with and without a cap are paired scenario by scenario.
     */
    public ScenarioGenerator withChangeCap(double ratio) {
        return new ScenarioGenerator(parameters, family, ratio);
    }

    public MarketFamily family() {
        return family;
    }

    public ScenarioGenerator() {
        this(MarketParameters.DEFAULT);
    }

    public MarketParameters parameters() {
        return parameters;
    }

    /** Scenario number {@code index} of the family identified by {@code seed}. */
    public MarketScenario generate(long seed, int index) {
        MarketParameters p = parameters;
        long scenarioSeed = Seeds.mix(seed, index);
        RandomDataGenerator rng = Seeds.rng(scenarioSeed);
        int n = rng.nextInt(p.minAdSets(), p.maxAdSets());
        double total =
                round2(Math.exp(rng.nextUniform(Math.log(p.minTotalBudget()), Math.log(p.maxTotalBudget()) + 1e-12)));
        double equalShare = total / n;
        double tightness =
                Math.exp(rng.nextUniform(Math.log(p.saturationMinShare()), Math.log(p.saturationMaxShare()) + 1e-12));

        // constraints
        double min = 0;
        if (rng.nextDouble() < p.minBudgetProbability()) {
            min = round2(Math.max(1.0, total * rng.nextUniform(0.01, 0.05)));
            min = Math.min(min, round2(0.5 * total / n));
        }
        Double max = null;
        int mustRunFromStart = 3;
        if (rng.nextDouble() < p.maxBudgetProbability()) {
            double share = rng.nextUniform(0.3, 0.6);
            max = round2(Math.max(total * share, 2 * min));
            mustRunFromStart = Math.max(3, (int) Math.ceil(total / max) + 1);
        }
        Double cap = null;
        if (rng.nextDouble() < p.changeCapProbability()) {
            double[] caps = {0.2, 0.3, 0.5};
            cap = caps[rng.nextInt(caps.length)];
        }

        // ad sets
        int warmup = p.warmupDays();
        List<AdSetTruth> adSets = new ArrayList<>();
        double sumCpa = 0;
        for (int i = 0; i < n; i++) {
            double cpm = p.cpmMedian() * Math.exp(p.cpmLogSd() * rng.nextGaussian());
            double ctr = Math.min(0.2, p.ctrMedian() * Math.exp(p.ctrLogSd() * rng.nextGaussian()));
            double cvr = Math.min(0.5, p.cvrMedian() * Math.exp(p.cvrLogSd() * rng.nextGaussian()));
            AdSetDynamics dynamics = AdSetDynamics.draw(rng, p, equalShare, tightness, cpm);
            int start = -warmup;
            int pause = Integer.MAX_VALUE;
            if (i >= mustRunFromStart) {
                if (rng.nextDouble() < p.lateStartProbability()) {
                    start = rng.nextInt(1, 14);
                } else if (rng.nextDouble() < p.pauseProbability()) {
                    pause = rng.nextInt(7, 21);
                }
            }
            sumCpa += cpm / (1000 * ctr * cvr);
            adSets.add(
                    dynamics.truth(String.format("as-%02d", i + 1), "ad set " + (i + 1), cpm, ctr, cvr, start, pause));
        }
        double typicalCpa = sumCpa / n;
        double targetCpa = round2(typicalCpa * rng.nextUniform(0.7, 1.3));

        // the advertiser's own (uneven) split during warm-up, within min/max
        double[] weights = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            boolean live = adSets.get(i).liveOn(-warmup);
            weights[i] = live ? rng.nextGamma(2.0, 1.0) : 0;
            lo[i] = live ? min : 0;
            hi[i] = live ? (max == null ? Double.POSITIVE_INFINITY : max) : 0;
        }
        double[] initial = Allocations.fit(weights, lo, hi, total);
        List<Double> initialBudgets = new ArrayList<>();
        for (double b : initial) {
            initialBudgets.add(round2(b));
        }
        fixRounding(initialBudgets, total);

        LocalDate first = LocalDate.of(2026, 1, 5).plusDays(index % 7 + 7L * (index / 7 % 40));
        String label = (total < 500 ? "small" : total < 2000 ? "medium" : "large") + "/"
                + (tightness < 1 ? "loose" : "tight") + "/" + n + " ad sets"
                + (cap != null ? "/cap " + Math.round(cap * 100) + "%" : "");
        if (changeCap != SCENARIO_CAP) {
            cap = Double.isNaN(changeCap) ? null : changeCap;
            label = label.replaceAll("/cap \\d+%", "") + (cap != null ? "/cap " + Math.round(cap * 100) + "%" : "");
        }
        MarketShocks shocks = MarketShocks.NONE;
        if (family == MarketFamily.HARD) {
            shocks = shocks(scenarioSeed, adSets, total / n);
            label += "/hard";
        }
        BudgetConstraints constraints = new BudgetConstraints(total, min, max, cap, targetCpa);
        return withSeasons(
                rng, p, scenarioSeed, index, label, first, warmup, constraints, adSets, initialBudgets, shocks);
    }

    /**
     * The scenario, with its weekly seasons drawn last from the account's stream: CVR amplitude in
     * [0, max), CPM amplitude in [0, max/2), the CVR peak day (shared by both generators).
     */
    static MarketScenario withSeasons(
            RandomDataGenerator rng,
            MarketParameters p,
            long scenarioSeed,
            int index,
            String label,
            LocalDate first,
            int warmup,
            BudgetConstraints constraints,
            List<AdSetTruth> adSets,
            List<Double> initialBudgets,
            MarketShocks shocks) {
        double cvrAmp = rng.nextUniform(0, p.maxSeasonAmplitude());
        double cpmAmp = rng.nextUniform(0, p.maxSeasonAmplitude() / 2);
        DayOfWeek peak = DayOfWeek.of(rng.nextInt(1, 7));
        return new MarketScenario(
                scenarioSeed,
                index,
                label,
                first,
                warmup,
                constraints,
                adSets,
                initialBudgets,
                cvrAmp,
                cpmAmp,
                peak,
                shocks);
    }

    /**
     * The harder market's events, from their own random stream (the default market's draws stay as they were):
     * with probability 0.6 a CPM jump (×1.3–1.8 on each ad set with probability 0.5, from a day in 5–22); with
     * probability 0.5 one ad set's creative dies (CTR ×0.15–0.35 from a day in 4–20) and is replaced 3–7 days later
     * with probability 0.7; every other ad set gets a new creative on a day in 7–24 with probability 0.15 (CTR
     * lognormal around the original's, log-sd 0.4, fatigue afresh); every ad set has its own weekly CPM cycle
     * (amplitude 0–0.3) and frequency-dependent fatigue (the one-for-one point at 0.7–1.5 × its equal-share daily
     * impressions).
     */
    private static MarketShocks shocks(long scenarioSeed, List<AdSetTruth> adSets, double equalShare) {
        RandomDataGenerator rng = Seeds.rng(Seeds.mix(scenarioSeed, 0x4A2DL));
        int n = adSets.size();
        boolean jump = rng.nextDouble() < 0.6;
        int jumpDay = jump ? rng.nextInt(5, 22) : Integer.MAX_VALUE;
        int dying = rng.nextDouble() < 0.5 ? rng.nextInt(0, n - 1) : -1;
        List<AdSetShocks> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AdSetTruth a = adSets.get(i);
            double jumpFactor = jump && rng.nextDouble() < 0.5 ? rng.nextUniform(1.3, 1.8) : 1;
            int deathDay = Integer.MAX_VALUE;
            double deathFactor = 1;
            int replaceDay = Integer.MAX_VALUE;
            double replaceFactor = 1;
            double fresh = Math.exp(0.4 * rng.nextGaussian());
            if (i == dying) {
                deathDay = Math.max(a.startDay() + 2, rng.nextInt(4, 20));
                deathFactor = rng.nextUniform(0.15, 0.35);
                if (rng.nextDouble() < 0.7) {
                    replaceDay = deathDay + rng.nextInt(3, 7);
                    replaceFactor = fresh;
                }
            } else if (rng.nextDouble() < 0.15) {
                replaceDay = Math.max(a.startDay() + 2, rng.nextInt(7, 24));
                replaceFactor = fresh;
            }
            double frequency = 1000 * equalShare / a.cpm0() * rng.nextUniform(0.7, 1.5);
            double amplitude = rng.nextUniform(0, 0.3);
            DayOfWeek weekdayPeak = DayOfWeek.of(rng.nextInt(1, 7));
            out.add(new AdSetShocks(
                    jumpFactor, deathDay, deathFactor, replaceDay, replaceFactor, frequency, amplitude, weekdayPeak));
        }
        return new MarketShocks(jumpDay, out);
    }

    private static void fixRounding(List<Double> budgets, double total) {
        double sum = 0;
        int largest = 0;
        for (int i = 0; i < budgets.size(); i++) {
            sum += budgets.get(i);
            if (budgets.get(i) > budgets.get(largest)) {
                largest = i;
            }
        }
        budgets.set(largest, round2(budgets.get(largest) + total - sum));
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
