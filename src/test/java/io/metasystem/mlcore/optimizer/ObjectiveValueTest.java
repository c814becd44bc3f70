package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.metasystem.mlcore.optimizer.Fixtures.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Objective VALUE (mandate §5.4): conversions × value per conversion, value uncertainty in the risk penalty. */
class ObjectiveValueTest {
    private static final BudgetOptimizer OPTIMIZER = new BudgetOptimizer();

    private static AdSetInput valued(String id, double mean, Double sd) {
        return new AdSetInput(
                id,
                id,
                AdSetStatus.ACTIVE,
                null,
                null,
                constant(50, 5, 21),
                null,
                false,
                new ConversionValue(mean, sd));
    }

    private static OptimizationResult solve(double riskAversion, List<AdSetInput> sets) {
        return OPTIMIZER.optimize(new OptimizationProblem(
                Objective.VALUE,
                "EUR",
                new BudgetRules(100, 0, null, null, 0.0),
                Targets.NONE,
                riskAversion,
                EarlyStopRules.DEFAULT,
                7.0,
                11,
                sets));
    }

    @Test
    void equalRatesAndValuesSplitEvenlyAndAHigherValueDrawsMoreBudget() {
        OptimizationResult even = solve(0, List.of(valued("a", 4, null), valued("b", 4, null)));
        assertThat(even.adSets().get(0).recommendedBudget()).isCloseTo(50.0, within(0.011));
        OptimizationResult skewed = solve(0, List.of(valued("a", 4, null), valued("b", 8, null)));
        assertThat(skewed.adSets().get(1).recommendedBudget())
                .isGreaterThan(skewed.adSets().get(0).recommendedBudget());
        assertThat(skewed.adSets().get(1).expectedRevenue())
                .isCloseTo(skewed.adSets().get(1).expectedConversions() * 8, within(1e-9));
    }

    @Test
    void valueUncertaintyCostsBudgetOnlyUnderRiskAversion() {
        List<AdSetInput> sets = List.of(valued("sure", 4, 0.0), valued("unsure", 4, 3.0));
        OptimizationResult neutral = solve(0, sets);
        assertThat(neutral.adSets().get(0).recommendedBudget()).isCloseTo(50.0, within(0.011));
        OptimizationResult averse = solve(1, sets);
        assertThat(averse.adSets().get(0).recommendedBudget())
                .isGreaterThan(averse.adSets().get(1).recommendedBudget() + 1);
    }

    @Test
    void withoutAnyValueEveryConversionCountsOneAndAWarningSaysSo() {
        List<AdSetInput> sets = List.of(
                new AdSetInput("a", "a", AdSetStatus.ACTIVE, null, null, constant(50, 5, 21), null, false, null),
                new AdSetInput("b", "b", AdSetStatus.ACTIVE, null, null, constant(50, 2, 21), null, false, null));
        OptimizationResult r = solve(0, sets);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no value_per_conversion"));
        assertThat(r.adSets().get(0).expectedRevenue())
                .isCloseTo(r.adSets().get(0).expectedConversions(), within(1e-9));
    }
}
