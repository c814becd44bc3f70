package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.metasystem.mlcore.optimizer.Fixtures.adSet;
import static io.metasystem.mlcore.optimizer.Fixtures.constant;
import static io.metasystem.mlcore.optimizer.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** {@link Feasibility}: binding rules and suggestions, each of which makes a re-sent problem feasible. */
class FeasibilityTest {
    private static final BudgetOptimizer OPTIMIZER = new BudgetOptimizer();

    private static List<AdSetInput> three(Double current) {
        return List.of(
                adSet("a", AdSetStatus.ACTIVE, current, constant(30, 2, 7)),
                adSet("b", AdSetStatus.ACTIVE, current, constant(30, 3, 7)),
                adSet("c", AdSetStatus.ACTIVE, current, constant(30, 1, 7)));
    }

    private static Suggestion suggestion(FeasibilityReport report, String field) {
        return report.suggestions().stream()
                .filter(s -> s.field().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion for " + field + " in " + report));
    }

    @Test
    void aChangeCapThatCannotReachTheTotalSuggestsTheSmallestRatioAndTotal() {
        // currents 30 each, +20 % → ceilings 108 < 120; the ratio that reaches 120 is 1/3 → 0.34 rounded up
        InfeasibleBudgetException e = catchThrowableOfType(
                InfeasibleBudgetException.class,
                () -> OPTIMIZER.optimize(
                        problem(new BudgetRules(120, 0, null, 0.2, null), Targets.NONE, 1, three(30.0))));
        FeasibilityReport report = e.report();
        assertThat(report.feasible()).isFalse();
        assertThat(suggestion(report, "budget.max_change_ratio").suggested()).isEqualTo(0.34);
        assertThat(suggestion(report, "budget.max_change_ratio").current()).isEqualTo(0.2);
        assertThat(suggestion(report, "budget.total").suggested()).isEqualTo(108.0);
        assertThat(report.binding())
                .extracting(BindingConstraint::field)
                .containsExactly("budget.max_change_ratio", "budget.total");
        assertThat(report.binding().get(0).bound()).isEqualTo("upper");
        assertThat(report.binding().get(0).adsets()).containsExactly("a", "b", "c");
        assertThat(e.getMessage()).contains("budget.max_change_ratio 0.2 → 0.34");
    }

    @Test
    void floorsAboveTheTotalSuggestTheLargestMinPerAdSet() {
        // 3 × 40 = 120 > 100: min 33.33 (rounded down) fits
        FeasibilityReport report =
                Feasibility.diagnose(problem(new BudgetRules(100, 40, null, null, null), Targets.NONE, 1, three(null)));
        assertThat(suggestion(report, "budget.min_per_adset").suggested()).isEqualTo(33.33);
        assertThat(suggestion(report, "budget.total").suggested()).isEqualTo(120.0);
    }

    @Test
    void minAboveMaxSuggestsAMinThatFitsBothTheCeilingAndTheTotal() {
        // min 40 > max 35; raising max to 40 still leaves 3 × 40 > 100, lowering min to 33.33 fixes both
        FeasibilityReport report =
                Feasibility.diagnose(problem(new BudgetRules(100, 40, 35.0, null, null), Targets.NONE, 1, three(null)));
        assertThat(report.feasible()).isFalse();
        assertThat(report.suggestions()).extracting(Suggestion::field).containsExactly("budget.min_per_adset");
        assertThat(suggestion(report, "budget.min_per_adset").suggested()).isEqualTo(33.33);
    }

    @Test
    void lockedBudgetsAboveTheTotalNameTheLock() {
        List<AdSetInput> sets = List.of(
                adSet("a", AdSetStatus.ACTIVE, 80.0, constant(30, 2, 7)).withLocked(true),
                adSet("b", AdSetStatus.ACTIVE, 30.0, constant(30, 3, 7)));
        InfeasibleBudgetException e = catchThrowableOfType(
                InfeasibleBudgetException.class,
                () -> OPTIMIZER.optimize(problem(new BudgetRules(60, 0, null, null, null), Targets.NONE, 1, sets)));
        assertThat(e.constraint()).isEqualTo("adsets.locked");
        assertThat(e.report().binding()).extracting(BindingConstraint::field).contains("adsets.locked");
        assertThat(suggestion(e.report(), "budget.total").suggested()).isEqualTo(80.0);
    }

    @Test
    void aFeasibleProblemHasAnEmptyReportAndABindingCapIsReportedOnTheAnswer() {
        OptimizationProblem p = problem(
                new BudgetRules(90, 0, null, 0.05, 0.0),
                Targets.NONE,
                1,
                List.of(
                        adSet("a", AdSetStatus.ACTIVE, 30.0, constant(30, 6, 14)),
                        adSet("b", AdSetStatus.ACTIVE, 30.0, constant(30, 3, 14)),
                        adSet("c", AdSetStatus.ACTIVE, 30.0, constant(30, 1, 14))));
        assertThat(Feasibility.diagnose(p).feasible()).isTrue();
        OptimizationResult r = OPTIMIZER.optimize(p);
        List<BindingConstraint> binding = Feasibility.binding(p, r);
        assertThat(binding).anySatisfy(b -> {
            assertThat(b.field()).isEqualTo("budget.max_change_ratio");
            assertThat(b.bound()).isEqualTo("upper");
            assertThat(b.adsets()).contains("a");
        });
        assertThat(Feasibility.warnings(binding)).anySatisfy(w -> assertThat(w).startsWith("budget.max_change_ratio"));
    }

    /**
     * Property: on random problems (1–6 ad sets, random currents, min, max, cap, total, locks), the replica agrees
     * with the optimizer, and every suggestion of an infeasible problem, applied alone, makes the optimizer accept it.
     */
    @Test
    void everySuggestionMakesTheResentProblemFeasible() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(FeasibilityTest::suggestionsFix);
    }

    private static void suggestionsFix(long seed) {
        OptimizationProblem p = randomProblem(seed);
        boolean accepted;
        try {
            OPTIMIZER.optimize(p);
            accepted = true;
        } catch (InfeasibleBudgetException e) {
            accepted = false;
            assertThat(e.report()).isNotNull();
            for (Suggestion s : e.report().suggestions()) {
                OptimizationProblem fixed = apply(p, s);
                assertThat(Feasibility.feasible(fixed))
                        .as("%s on %s", s, p.budget())
                        .isTrue();
                OPTIMIZER.optimize(fixed); // must not throw
            }
        }
        assertThat(Feasibility.feasible(p))
                .as("replica agrees with the optimizer on %s", p.budget())
                .isEqualTo(accepted);
    }

    private static OptimizationProblem apply(OptimizationProblem p, Suggestion s) {
        BudgetRules b = p.budget();
        double v = s.suggested();
        BudgetRules fixed = switch (s.field()) {
            case "budget.total" -> new BudgetRules(v, b.minPerAdSet(), b.maxPerAdSet(), b.maxChangeRatio(), null);
            case "budget.min_per_adset" -> new BudgetRules(b.total(), v, b.maxPerAdSet(), b.maxChangeRatio(), null);
            case "budget.max_per_adset" -> new BudgetRules(b.total(), b.minPerAdSet(), v, b.maxChangeRatio(), null);
            case "budget.max_change_ratio" -> new BudgetRules(b.total(), b.minPerAdSet(), b.maxPerAdSet(), v, null);
            default -> throw new AssertionError("unknown field " + s.field());
        };
        return problem(fixed, Targets.NONE, p.seed(), p.adSets());
    }

    private static OptimizationProblem randomProblem(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(1, 7);
        List<AdSetInput> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AdSetStatus status = rnd.nextInt(6) == 0 ? AdSetStatus.PAUSED : AdSetStatus.ACTIVE;
            Double current = rnd.nextInt(5) == 0 ? null : Math.round(rnd.nextDouble(0, 100) * 100) / 100.0;
            AdSetInput a = adSet("s" + i, status, current, constant(10 + rnd.nextInt(40), rnd.nextInt(5), 7));
            if (current != null && status == AdSetStatus.ACTIVE && rnd.nextInt(5) == 0) {
                a = a.withLocked(true);
            }
            sets.add(a);
        }
        double total = Math.round(rnd.nextDouble(1, 400) * 100) / 100.0;
        double min = rnd.nextBoolean() ? 0 : Math.round(rnd.nextDouble(0, 60) * 100) / 100.0;
        Double max = rnd.nextBoolean() ? null : Math.round(rnd.nextDouble(1, 150) * 100) / 100.0;
        Double ratio = rnd.nextBoolean() ? null : Math.round(rnd.nextDouble(0, 1.5) * 100) / 100.0;
        return problem(new BudgetRules(total, min, max, ratio, null), Targets.NONE, seed, sets);
    }

    @Test
    void lockingWithoutACurrentBudgetIsRejected() {
        assertThatThrownBy(() -> adSet("a", AdSetStatus.ACTIVE, null, List.of()).withLocked(true))
                .isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("current_budget");
    }
}
