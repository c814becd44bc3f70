package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.metasystem.mlcore.optimizer.Fixtures.adSet;
import static io.metasystem.mlcore.optimizer.Fixtures.constant;
import static io.metasystem.mlcore.optimizer.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfeasibleBudgetTest {
    private final BudgetOptimizer optimizer = new BudgetOptimizer();

    private static List<AdSetInput> three(Double current) {
        return List.of(
                adSet("a", AdSetStatus.ACTIVE, current, constant(30, 2, 7)),
                adSet("b", AdSetStatus.ACTIVE, current, constant(30, 3, 7)),
                adSet("c", AdSetStatus.ACTIVE, current, constant(30, 1, 7)));
    }

    @Test
    void floorsAboveTotalNameMinPerAdSetWithShortfall() {
        InfeasibleBudgetException e = assertThrows(
                InfeasibleBudgetException.class,
                () -> optimizer.optimize(
                        problem(new BudgetRules(100, 40, null, null, null), Targets.NONE, 1, three(null))));
        assertEquals("budget.min_per_adset", e.constraint());
        assertEquals(20.0, e.shortfall(), 1e-9);
    }

    @Test
    void ceilingsBelowTotalNameMaxPerAdSetWithShortfall() {
        InfeasibleBudgetException e = assertThrows(
                InfeasibleBudgetException.class,
                () -> optimizer.optimize(
                        problem(new BudgetRules(100, 0, 30.0, null, null), Targets.NONE, 1, three(null))));
        assertEquals("budget.max_per_adset", e.constraint());
        assertEquals(10.0, e.shortfall(), 1e-9);
    }

    @Test
    void changeCapThatCannotReachTheTotalNamesMaxChangeRatio() {
        // currents 30 each, +20 % → at most 108 < 150
        InfeasibleBudgetException e = assertThrows(
                InfeasibleBudgetException.class,
                () -> optimizer.optimize(
                        problem(new BudgetRules(150, 0, null, 0.2, null), Targets.NONE, 1, three(30.0))));
        assertEquals("budget.max_change_ratio", e.constraint());
        assertEquals(42.0, e.shortfall(), 1e-9);
    }

    @Test
    void changeCapFloorsAboveTotalNameMaxChangeRatio() {
        // currents 30 each, −20 % → at least 72 > 60
        InfeasibleBudgetException e = assertThrows(
                InfeasibleBudgetException.class,
                () -> optimizer.optimize(
                        problem(new BudgetRules(60, 0, null, 0.2, null), Targets.NONE, 1, three(30.0))));
        assertEquals("budget.max_change_ratio", e.constraint());
        assertEquals(12.0, e.shortfall(), 1e-9);
    }

    @Test
    void minAboveMaxNamesMinPerAdSet() {
        InfeasibleBudgetException e = assertThrows(
                InfeasibleBudgetException.class,
                () -> optimizer.optimize(
                        problem(new BudgetRules(100, 50, 40.0, null, null), Targets.NONE, 1, three(null))));
        assertEquals("budget.min_per_adset", e.constraint());
        assertEquals(10.0, e.shortfall(), 1e-9);
    }

    @Test
    void everyAdSetPausedAllocatesNothingWithWarning() {
        List<AdSetInput> sets = List.of(
                adSet("a", AdSetStatus.PAUSED, 30.0, constant(30, 2, 7)),
                adSet("b", AdSetStatus.PAUSED, null, constant(30, 3, 7)));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(100, 10, null, 0.2, null), Targets.NONE, 1, sets));
        assertEquals(0.0, r.summary().allocated());
        assertTrue(r.adSets().stream().allMatch(x -> x.recommendedBudget() == 0 && x.action() == Action.PAUSE));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("paused")));
    }

    @Test
    void malformedInputIsInvalidNotInfeasible() {
        InvalidProblemException e =
                assertThrows(InvalidProblemException.class, () -> new BudgetRules(100, -1, null, null, null));
        assertEquals("budget.min_per_adset", e.field());
    }
}
