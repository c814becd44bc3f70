package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Invariants of {@link BudgetOptimizer} over random problems (QuickTheories: a random seed per run, printed with the
 * shrunk counterexample on failure; {@code -DQT_SEED=...} replays a run; modest example counts keep the suite fast).
 * A problem the optimizer rejects as infeasible proves nothing and passes (it still counts as an example).
 */
class AllocationProperties {
    private static final BudgetOptimizer OPTIMIZER = new BudgetOptimizer();

    /** A random but feasible-by-construction problem (caps wide enough around currents summing near the total). */
    static OptimizationProblem randomProblem(long seed, int n, Double exploration, boolean targets) {
        return randomProblem(seed, n, exploration, targets, false);
    }

    static OptimizationProblem randomProblem(
            long seed, int n, Double exploration, boolean targets, boolean constantSpend) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate end = LocalDate.of(2026, 11, 27);
        List<AdSetInput> sets = new ArrayList<>();
        double sumCurrent = 0;
        boolean anyCurrent = false;
        for (int i = 0; i < n; i++) {
            int days = constantSpend ? 14 : rnd.nextInt(0, 15);
            double base = 10 + rnd.nextDouble() * 90;
            double kappa = 0.02 + rnd.nextDouble() * 0.1;
            List<DailyMetrics> rows = new ArrayList<>();
            int lag = constantSpend ? 0 : rnd.nextInt(0, 3);
            for (int d = days - 1; d >= 0; d--) {
                double s = constantSpend
                        ? Math.round(base * 100) / 100.0
                        : Math.round(base * (0.7 + 0.6 * rnd.nextDouble()) * 100) / 100.0;
                double c = Fixtures.poisson(rnd, kappa * 100 * Math.pow(s / 100, 0.7));
                Double clicks = rnd.nextInt(4) == 0 ? null : (double) Fixtures.poisson(rnd, 20 * (c + 1));
                rows.add(new DailyMetrics(end.minusDays(d + lag), s, null, clicks, c, c * 20));
            }
            AdSetStatus status = rnd.nextInt(8) == 0 && !constantSpend ? AdSetStatus.PAUSED : AdSetStatus.ACTIVE;
            Double current = rnd.nextInt(4) == 0 ? null : Math.round(base * 100) / 100.0;
            if (current != null && status == AdSetStatus.ACTIVE) {
                sumCurrent += current;
                anyCurrent = true;
            }
            sets.add(new AdSetInput(
                    "id-" + Long.toHexString(rnd.nextLong()).substring(0, 6) + i,
                    null,
                    status,
                    current,
                    null,
                    rows,
                    null,
                    false,
                    null));
        }
        double total = anyCurrent
                ? sumCurrent * (0.9 + 0.2 * rnd.nextDouble()) + 20 * rnd.nextDouble()
                : 50 + rnd.nextDouble() * 500;
        total = Math.round(total * 100) / 100.0;
        double min = rnd.nextBoolean() ? 0 : Math.round(rnd.nextDouble() * 2 * 100) / 100.0;
        Double max = rnd.nextBoolean() ? null : Math.round(total * (0.5 + rnd.nextDouble()) * 100) / 100.0;
        Double ratio = rnd.nextBoolean() ? null : 0.3 + 0.5 * rnd.nextDouble();
        return new OptimizationProblem(
                Objective.CONVERSIONS,
                "EUR",
                new BudgetRules(total, min, max, ratio, exploration),
                targets ? new Targets(20.0, null) : Targets.NONE,
                rnd.nextDouble() < 0.3 ? 0.5 : 0.0,
                EarlyStopRules.DEFAULT,
                7.0,
                rnd.nextLong(),
                sets);
    }

    /** The answer, or {@code null} when the random problem is infeasible (that try proves nothing). */
    private static OptimizationResult solveOrNull(OptimizationProblem p) {
        try {
            return OPTIMIZER.optimize(p);
        } catch (InfeasibleBudgetException e) {
            return null;
        }
    }

    @Test
    void budgetIsConservedToTheCent() {
        qt().withExamples(150)
                .forAll(longs().all(), integers().between(1, 8))
                .checkAssert((seed, n) -> budgetIsConservedToTheCent(seed, n));
    }

    private static void budgetIsConservedToTheCent(long seed, int n) {
        OptimizationProblem p = randomProblem(seed, n, null, true);
        OptimizationResult r = solveOrNull(p);
        if (r == null) {
            return;
        }
        long cents = 0;
        for (AdSetRecommendation a : r.adSets()) {
            assertThat(Math.abs(a.recommendedBudget() * 100 - Math.round(a.recommendedBudget() * 100)))
                    .isLessThan(1e-6);
            cents += Math.round(a.recommendedBudget() * 100);
        }
        boolean anyActive = p.adSets().stream().anyMatch(a -> a.status() == AdSetStatus.ACTIVE);
        boolean unspentWarned = r.warnings().stream().anyMatch(w -> w.contains("unspent"));
        if (anyActive && !unspentWarned) {
            assertThat(cents).isEqualTo(Math.round(p.budget().total() * 100));
        }
        assertThat(r.summary().allocated()).isEqualTo(cents / 100.0);
    }

    @Test
    void boundsAndChangeCapsAreNeverBroken() {
        qt().withExamples(150)
                .forAll(longs().all(), integers().between(1, 8))
                .checkAssert((seed, n) -> boundsAndChangeCapsAreNeverBroken(seed, n));
    }

    private static void boundsAndChangeCapsAreNeverBroken(long seed, int n) {
        OptimizationProblem p = randomProblem(seed, n, null, true);
        OptimizationResult r = solveOrNull(p);
        if (r == null) {
            return;
        }
        BudgetRules br = p.budget();
        boolean conflicts = r.warnings().stream().anyMatch(w -> w.contains("conflicts"));
        for (int i = 0; i < r.adSets().size(); i++) {
            AdSetRecommendation a = r.adSets().get(i);
            AdSetInput in = p.adSets().get(i);
            assertThat(a.id()).isEqualTo(in.id());
            assertThat(a.recommendedBudget()).isGreaterThanOrEqualTo(0.0);
            if (a.action() == Action.PAUSE) {
                assertThat(a.recommendedBudget()).isEqualTo(0.0);
                continue;
            }
            assertThat(a.recommendedBudget()).isGreaterThanOrEqualTo(br.minPerAdSet() - 1e-9);
            if (br.maxPerAdSet() != null) {
                assertThat(a.recommendedBudget()).isLessThanOrEqualTo(br.maxPerAdSet() + 1e-9);
            }
            if (br.maxChangeRatio() != null && in.currentBudget() != null && in.currentBudget() > 0 && !conflicts) {
                assertThat(Math.abs(a.recommendedBudget() - in.currentBudget()))
                        .isLessThanOrEqualTo(br.maxChangeRatio() * in.currentBudget() + 0.01);
            }
        }
    }

    @Test
    void pausedAdSetsAreNeverFunded() {
        qt().withExamples(150)
                .forAll(longs().all(), integers().between(1, 8))
                .checkAssert((seed, n) -> pausedAdSetsAreNeverFunded(seed, n));
    }

    private static void pausedAdSetsAreNeverFunded(long seed, int n) {
        OptimizationProblem p = randomProblem(seed, n, null, true);
        OptimizationResult r = solveOrNull(p);
        if (r == null) {
            return;
        }
        for (int i = 0; i < r.adSets().size(); i++) {
            if (p.adSets().get(i).status() == AdSetStatus.PAUSED
                    || r.adSets().get(i).earlyStop().stop()) {
                assertThat(r.adSets().get(i).recommendedBudget()).isEqualTo(0.0);
                assertThat(r.adSets().get(i).action()).isEqualTo(Action.PAUSE);
            }
        }
    }

    /**
     * Covered setting (see the mandate, "Monotonicity"): every ad set is active with 14 days of history up to the
     * same date and spends the same amount every day (so no θ is identified and every θ equals the pooled default;
     * no prior-only ad set), no target (early stop inactive), explicit exploration share
     * in [0, 0.3], random min/max/change caps. One ad set's conversions are multiplied by a factor ≥ 1 on every
     * day: its budget must not fall. Thompson draws are coupled (same (seed, id) stream, Gamma quantile monotone in
     * the posterior), so exploration does not break it.
     */
    @Test
    void moreConversionsAtEqualSpendNeverGetLessBudget() {
        qt().withExamples(200)
                .forAll(
                        longs().all(),
                        integers().between(2, 8),
                        doubles().between(0, 0.3),
                        doubles().between(1.0, 3.0))
                .checkAssert((seed, n, exploration, factor) ->
                        moreConversionsAtEqualSpendNeverGetLessBudget(seed, n, exploration, factor));
    }

    private static void moreConversionsAtEqualSpendNeverGetLessBudget(
            long seed, int n, double exploration, double factor) {
        OptimizationProblem p = randomProblem(seed, n, exploration, false, true);
        int k = (int) Math.floorMod(seed, (long) n);
        AdSetInput target = p.adSets().get(k);
        if (target.status() != AdSetStatus.ACTIVE || target.daily().isEmpty()) {
            return; // no ad set to improve in this problem
        }
        List<DailyMetrics> better = new ArrayList<>();
        for (DailyMetrics d : target.daily()) {
            better.add(new DailyMetrics(
                    d.date(), d.spend(), d.impressions(), d.clicks(), d.conversions() * factor, d.revenue()));
        }
        List<AdSetInput> sets = new ArrayList<>(p.adSets());
        sets.set(
                k,
                new AdSetInput(
                        target.id(),
                        target.name(),
                        target.status(),
                        target.currentBudget(),
                        null,
                        better,
                        null,
                        false,
                        null));
        OptimizationProblem q = new OptimizationProblem(
                p.objective(),
                p.currency(),
                p.budget(),
                p.targets(),
                p.riskAversion(),
                p.earlyStop(),
                p.halfLifeDays(),
                p.seed(),
                sets);
        OptimizationResult r0 = solveOrNull(p);
        OptimizationResult r1 = solveOrNull(q);
        if (r0 == null || r1 == null) {
            return;
        }
        assertThat(r1.adSets().get(k).recommendedBudget())
                .isGreaterThanOrEqualTo(r0.adSets().get(k).recommendedBudget() - 0.011); // one cent of rounding
    }

    @Test
    void permutingTheInputChangesNothing() {
        qt().withExamples(100)
                .forAll(longs().all(), integers().between(2, 8))
                .checkAssert((seed, n) -> permutingTheInputChangesNothing(seed, n));
    }

    private static void permutingTheInputChangesNothing(long seed, int n) {
        OptimizationProblem p = randomProblem(seed, n, null, true);
        OptimizationResult r0 = solveOrNull(p);
        if (r0 == null) {
            return;
        }
        List<AdSetInput> shuffled = new ArrayList<>(p.adSets());
        Collections.shuffle(shuffled, new Random(seed));
        OptimizationProblem q = new OptimizationProblem(
                p.objective(),
                p.currency(),
                p.budget(),
                p.targets(),
                p.riskAversion(),
                p.earlyStop(),
                p.halfLifeDays(),
                p.seed(),
                shuffled);
        OptimizationResult r1 = OPTIMIZER.optimize(q);
        Map<String, AdSetRecommendation> byId = new HashMap<>();
        r1.adSets().forEach(a -> byId.put(a.id(), a));
        for (AdSetRecommendation a : r0.adSets()) {
            assertThat(byId.get(a.id())).isEqualTo(a);
        }
        assertThat(r1.summary()).isEqualTo(r0.summary());
        assertThat(r1.warnings()).isEqualTo(r0.warnings());
    }

    @Test
    void sameSeedGivesTheSameAnswer() {
        qt().withExamples(100)
                .forAll(longs().all(), integers().between(1, 8))
                .checkAssert((seed, n) -> sameSeedGivesTheSameAnswer(seed, n));
    }

    private static void sameSeedGivesTheSameAnswer(long seed, int n) {
        OptimizationProblem p = randomProblem(seed, n, null, true);
        OptimizationResult r0 = solveOrNull(p);
        if (r0 == null) {
            return;
        }
        assertThat(new BudgetOptimizer().optimize(p)).isEqualTo(r0);
    }

    @Test
    void numbersAreNeverNanOrInfinite() {
        qt().withExamples(100)
                .forAll(longs().all(), integers().between(1, 8))
                .checkAssert((seed, n) -> numbersAreNeverNanOrInfinite(seed, n));
    }

    private static void numbersAreNeverNanOrInfinite(long seed, int n) {
        OptimizationResult r = solveOrNull(randomProblem(seed, n, null, true));
        if (r == null) {
            return;
        }
        for (AdSetRecommendation a : r.adSets()) {
            for (Double x : new Double[] {
                a.recommendedBudget(),
                a.expectedConversions(),
                a.expectedRevenue(),
                a.expectedCpa(),
                a.probabilityBest(),
                a.expectedLoss(),
                a.marginalCpa(),
                a.posterior().shape(),
                a.posterior().rate(),
                a.posterior().conversionsPerUnit(),
                a.posterior().saturationExponent()
            }) {
                assertThat(x == null || Double.isFinite(x)).isTrue();
            }
        }
        AllocationSummary s = r.summary();
        assertThat(Double.isFinite(s.expectedConversions()
                        + s.riskPenalty()
                        + s.explorationBudget()
                        + s.conversionsInterval().upper()
                        + s.expectedRevenue()))
                .isTrue();
    }
}
