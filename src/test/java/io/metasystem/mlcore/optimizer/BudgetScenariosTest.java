package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.metasystem.mlcore.optimizer.Fixtures.adSet;
import static io.metasystem.mlcore.optimizer.Fixtures.constant;
import static io.metasystem.mlcore.optimizer.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** {@link BudgetScenarios}: multi-day plans, total sweeps, and locked ad sets. */
class BudgetScenariosTest {
    private static final BudgetOptimizer OPTIMIZER = new BudgetOptimizer();

    /** A problem whose currents sum to the total and whose cap is tight, so the plan has to ramp. */
    private static OptimizationProblem capped(long seed, int n, double ratio) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<AdSetInput> sets = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double current = Math.round(rnd.nextDouble(10, 80) * 100) / 100.0;
            total += current;
            AdSetStatus status = rnd.nextInt(7) == 0 ? AdSetStatus.PAUSED : AdSetStatus.ACTIVE;
            if (status == AdSetStatus.PAUSED) {
                total -= current;
            }
            sets.add(adSet("s" + i, status, current, constant(current, rnd.nextInt(0, 8), 14)));
        }
        total = Math.max(1, Math.round(total * 100) / 100.0);
        return problem(new BudgetRules(total, 0, null, ratio, null), Targets.NONE, seed, sets);
    }

    /** Properties of the plan: each day sums to the total, the cap holds from day to day, locks stay put. */
    @Test
    void everyDayOfThePlanSumsToTheTotalAndRespectsTheCapFromTheDayBefore() {
        qt().withExamples(40)
                .forAll(longs().all(), integers().between(1, 7), integers().between(1, 14))
                .checkAssert((seed, n, days) -> {
                    OptimizationProblem p = capped(seed, n, 0.2);
                    OptimizationResult r;
                    try {
                        r = OPTIMIZER.optimize(p);
                    } catch (InfeasibleBudgetException e) {
                        return; // proves nothing about plans
                    }
                    BudgetPlan plan = BudgetScenarios.plan(OPTIMIZER, p, r, days);
                    assertThat(plan.days()).hasSize(days);
                    for (int d = 0; d < days; d++) {
                        List<Double> b = plan.days().get(d).budgets();
                        double sum = b.stream().mapToDouble(Double::doubleValue).sum();
                        assertThat(sum)
                                .as("day %d total", d + 1)
                                .isCloseTo(r.summary().allocated(), within(0.005));
                        assertThat(plan.days().get(d).expectedConversions()).isGreaterThanOrEqualTo(0);
                        for (int i = 0; i < b.size(); i++) {
                            if (p.adSets().get(i).status() == AdSetStatus.PAUSED) {
                                assertThat(b.get(i)).isZero();
                            }
                            if (d == 0) {
                                assertThat(b.get(i)).isEqualTo(r.adSets().get(i).recommendedBudget());
                                continue;
                            }
                            double prev = plan.days().get(d - 1).budgets().get(i);
                            if (prev > 0) {
                                assertThat(Math.abs(b.get(i) - prev))
                                        .as("day %d ad set %d: %s → %s", d + 1, i, prev, b.get(i))
                                        .isLessThanOrEqualTo(0.2 * prev + 0.01);
                            }
                        }
                    }
                });
    }

    @Test
    void thePlanRampsTowardTheUncappedTargetAsFastAsTheCapAllows() {
        // a winner and a loser at equal budgets, 10 % cap: the target is far, so the loser falls 10 % a day
        OptimizationProblem p = problem(
                new BudgetRules(100, 0, null, 0.1, 0.0),
                Targets.NONE,
                3,
                List.of(
                        adSet("win", AdSetStatus.ACTIVE, 50.0, constant(50, 10, 28)),
                        adSet("lose", AdSetStatus.ACTIVE, 50.0, constant(50, 1, 28))));
        OptimizationResult r = OPTIMIZER.optimize(p);
        BudgetPlan plan = BudgetScenarios.plan(OPTIMIZER, p, r, 14);
        assertThat(plan.target().get(0)).isGreaterThan(90.0);
        assertThat(plan.days().get(0).budgets().get(0)).isEqualTo(55.0); // +10 % on day 1
        for (int d = 1; d < 14; d++) {
            double prevLose = plan.days().get(d - 1).budgets().get(1);
            assertThat(plan.days().get(d).budgets().get(1))
                    .as("day %d: the cap binds", d + 1)
                    .isCloseTo(prevLose * 0.9, within(0.011));
            assertThat(plan.days().get(d).expectedConversions())
                    .as("each day's allocation is better than the day before")
                    .isGreaterThan(plan.days().get(d - 1).expectedConversions());
        }
    }

    @Test
    void aSweepIsIncreasingInConversionsAndInMarginalCpaAndFlagsInfeasibleTotals() {
        OptimizationProblem p = problem(
                new BudgetRules(100, 0, 80.0, null, null),
                Targets.NONE,
                5,
                List.of(
                        adSet("a", AdSetStatus.ACTIVE, 40.0, constant(40, 6, 21)),
                        adSet("b", AdSetStatus.ACTIVE, 30.0, constant(30, 3, 21)),
                        adSet("c", AdSetStatus.ACTIVE, 30.0, constant(30, 2, 21))));
        List<SweepPoint> sweep = BudgetScenarios.sweep(OPTIMIZER, p, List.of(50.0, 100.0, 150.0, 200.0, 300.0));
        assertThat(sweep.get(4).feasible()).as("3 × max 80 < 300").isFalse();
        assertThat(sweep.get(4).detail()).contains("max_per_adset");
        for (int i = 1; i < 4; i++) {
            assertThat(sweep.get(i).expectedConversions())
                    .isGreaterThan(sweep.get(i - 1).expectedConversions());
            assertThat(sweep.get(i).marginalCpa())
                    .isGreaterThan(sweep.get(i - 1).marginalCpa());
            assertThat(sweep.get(i).marginalCpa())
                    .as("marginal above average under diminishing returns")
                    .isGreaterThan(sweep.get(i).expectedCpa());
        }
    }

    @Test
    void aLockedAdSetKeepsItsBudgetAndTheOthersShareTheRest() {
        List<AdSetInput> sets = List.of(
                adSet("a", AdSetStatus.ACTIVE, 40.0, constant(40, 1, 21)).withLocked(true),
                adSet("b", AdSetStatus.ACTIVE, 30.0, constant(30, 6, 21)),
                adSet("c", AdSetStatus.ACTIVE, 30.0, constant(30, 2, 21)));
        OptimizationProblem p = problem(new BudgetRules(100, 0, null, null, null), new Targets(5.0, null), 5, sets);
        OptimizationResult r = OPTIMIZER.optimize(p);
        assertThat(r.adSets().get(0).recommendedBudget()).isEqualTo(40.0);
        assertThat(r.adSets().get(0).action()).isEqualTo(Action.HOLD);
        assertThat(r.adSets().get(0).reasons()).anySatisfy(s -> assertThat(s).startsWith("locked by the caller"));
        assertThat(r.adSets().get(1).recommendedBudget() + r.adSets().get(2).recommendedBudget())
                .isCloseTo(60.0, within(0.005));
        assertThat(r.adSets().get(1).recommendedBudget())
                .isGreaterThan(r.adSets().get(2).recommendedBudget());
    }
}
