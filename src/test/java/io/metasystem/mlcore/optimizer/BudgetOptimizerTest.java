package io.metasystem.mlcore.optimizer;

import org.hipparchus.distribution.continuous.GammaDistribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.metasystem.mlcore.optimizer.Fixtures.END;
import static io.metasystem.mlcore.optimizer.Fixtures.adSet;
import static io.metasystem.mlcore.optimizer.Fixtures.constant;
import static io.metasystem.mlcore.optimizer.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetOptimizerTest {
    private final BudgetOptimizer optimizer = new BudgetOptimizer();

    private static double sum(OptimizationResult r) {
        return r.adSets().stream()
                .mapToDouble(AdSetRecommendation::recommendedBudget)
                .sum();
    }

    private static AdSetRecommendation byId(OptimizationResult r, String id) {
        return r.adSets().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void allocatesWholeBudgetWhenBoundsAllow() {
        OptimizationResult r = optimizer.optimize(Fixtures.problem(8, 28, 3));
        assertEquals(800.0, sum(r), 1e-9);
        assertEquals(800.0, r.summary().allocated(), 1e-9);
        assertEquals(BudgetOptimizer.VERSION, r.version());
        assertEquals(BudgetOptimizer.METHOD, r.method());
    }

    @Test
    void favoursTheCheaperAdSet() {
        List<AdSetInput> sets = List.of(
                adSet("cheap", AdSetStatus.ACTIVE, 50.0, constant(50, 10, 14)),
                adSet("dear", AdSetStatus.ACTIVE, 50.0, constant(50, 2, 14)));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(100, 0, null, null, 0.0), Targets.NONE, 1, sets));
        assertTrue(byId(r, "cheap").recommendedBudget() > 80);
        assertEquals(Action.INCREASE, byId(r, "cheap").action());
        assertEquals(Action.DECREASE, byId(r, "dear").action());
        assertTrue(byId(r, "cheap").probabilityBest() > 0.9);
        assertTrue(byId(r, "dear").expectedLoss() > byId(r, "cheap").expectedLoss());
    }

    @Test
    void posteriorMatchesConjugateClosedForm() {
        // one day each at the reference spend r = total / n = 100: exposure = spend whatever θ
        List<AdSetInput> sets = new ArrayList<>();
        double[] conv = {4, 9, 2};
        for (int i = 0; i < 3; i++) {
            sets.add(adSet("s" + i, AdSetStatus.ACTIVE, null, constant(100, conv[i], 1)));
        }
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(300, 0, null, null, 0.0), Targets.NONE, 1, sets));
        double kappaPool = 15.0 / 300.0;
        double num = 0;
        double den = 0;
        for (double c : conv) {
            double ni = kappaPool * 100;
            double z = c / ni;
            num += ni * (z - 1) * (z - 1) - 1;
            den += ni;
        }
        double alpha0 = Math.max(2, Math.min(50, den / num));
        for (int i = 0; i < 3; i++) {
            PosteriorSummary p = byId(r, "s" + i).posterior();
            assertEquals(alpha0 + conv[i], p.shape(), 1e-9);
            assertEquals(alpha0 / kappaPool + 100, p.rate(), 1e-9);
            assertEquals(p.shape() / p.rate(), p.conversionsPerUnit(), 1e-12);
            assertEquals(100, p.effectiveSpend(), 1e-9);
        }
    }

    @Test
    void posteriorMeanMatchesNumericalBayesRule() {
        // Gamma(α0, β0) prior × Poisson(c | κ e) likelihood: numerical posterior mean = (α0 + c)/(β0 + e)
        double a0 = 3.5;
        double b0 = 70;
        double c = 6;
        double e = 100;
        GammaDistribution prior = new GammaDistribution(a0, 1 / b0);
        double z = 0;
        double m = 0;
        int steps = 200_000;
        double hi = 0.5;
        for (int k = 1; k < steps; k++) {
            double x = hi * k / steps;
            double dens = prior.density(x) * Math.exp(c * Math.log(x * e) - x * e);
            z += dens;
            m += x * dens;
        }
        assertEquals((a0 + c) / (b0 + e), m / z, 1e-6);
    }

    @Test
    void newAdSetWithoutHistoryGetsTried() {
        List<AdSetInput> sets = new ArrayList<>(Fixtures.problem(5, 28, 9).adSets());
        sets.add(new AdSetInput("fresh", "fresh", AdSetStatus.ACTIVE, null, null, List.of(), null, false, null));
        OptimizationResult r = optimizer.optimize(
                problem(new BudgetRules(600, 0, null, null, null), new Targets(30.0, null), 9, sets));
        AdSetRecommendation fresh = byId(r, "fresh");
        assertTrue(fresh.recommendedBudget() > 20, "new ad set funded: " + fresh.recommendedBudget());
        assertTrue(fresh.reasons().stream().anyMatch(s -> s.startsWith("new ad set")));
        assertFalse(fresh.earlyStop().stop());
    }

    @Test
    void pausesAConfidentLoserWithEnoughSpend() {
        List<AdSetInput> sets = List.of(
                adSet("good", AdSetStatus.ACTIVE, 50.0, constant(50, 10, 21)),
                adSet("good2", AdSetStatus.ACTIVE, 50.0, constant(50, 8, 21)),
                adSet("loser", AdSetStatus.ACTIVE, 50.0, constant(50, 0.5, 21)));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(150, 0, null, null, 0.0), new Targets(10.0, null), 1, sets));
        AdSetRecommendation loser = byId(r, "loser");
        assertTrue(loser.earlyStop().stop());
        assertEquals(Action.PAUSE, loser.action());
        assertEquals(0.0, loser.recommendedBudget());
        assertTrue(loser.earlyStop().probabilityAboveTarget() >= 0.95);
        assertNull(loser.expectedCpa());
        assertNull(loser.cpaInterval());
        assertNull(loser.marginalCpa());
        assertEquals(150.0, sum(r), 1e-9);
        assertFalse(byId(r, "good").earlyStop().stop());
    }

    @Test
    void keepsALoserWhenTheOthersCannotAbsorbTheBudget() {
        List<AdSetInput> sets = List.of(
                adSet("good", AdSetStatus.ACTIVE, 50.0, constant(50, 10, 21)),
                adSet("loser", AdSetStatus.ACTIVE, 50.0, constant(50, 0.5, 21)));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(100, 0, 60.0, null, 0.0), new Targets(10.0, null), 1, sets));
        assertEquals(60.0, byId(r, "good").recommendedBudget(), 1e-9);
        assertEquals(40.0, byId(r, "loser").recommendedBudget(), 1e-9);
        assertFalse(byId(r, "loser").earlyStop().stop());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("loser")));
    }

    @Test
    void respectsChangeCapAndExplainsIt() {
        List<AdSetInput> sets = List.of(
                adSet("cheap", AdSetStatus.ACTIVE, 50.0, constant(50, 10, 14)),
                adSet("dear", AdSetStatus.ACTIVE, 50.0, constant(50, 2, 14)));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(100, 0, null, 0.3, null), Targets.NONE, 1, sets));
        assertEquals(65.0, byId(r, "cheap").recommendedBudget(), 1e-9);
        assertEquals(35.0, byId(r, "dear").recommendedBudget(), 1e-9);
        assertTrue(byId(r, "cheap").reasons().stream().anyMatch(s -> s.contains("max_change_ratio 0.30")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("binding caps")));
    }

    @Test
    void holdsWithinTwoPercentOfCurrent() {
        List<AdSetInput> sets = List.of(
                adSet("a", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 14)),
                adSet("b", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 14)));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(100, 0, null, null, 0.0), Targets.NONE, 1, sets));
        assertEquals(Action.HOLD, byId(r, "a").action());
        assertEquals(Action.HOLD, byId(r, "b").action());
    }

    @Test
    void pausedAdSetIsNeverFunded() {
        List<AdSetInput> sets = List.of(
                adSet("a", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 14)),
                adSet("p", AdSetStatus.PAUSED, 50.0, constant(50, 50, 14)));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(100, 0, null, null, null), Targets.NONE, 1, sets));
        assertEquals(0.0, byId(r, "p").recommendedBudget());
        assertEquals(Action.PAUSE, byId(r, "p").action());
        assertEquals(100.0, byId(r, "a").recommendedBudget(), 1e-9);
    }

    @Test
    void revenueObjectiveUsesOrderValue() {
        List<DailyMetrics> cheapLowValue = new ArrayList<>();
        List<DailyMetrics> dearHighValue = new ArrayList<>();
        for (int d = 13; d >= 0; d--) {
            cheapLowValue.add(new DailyMetrics(END.minusDays(d), 50, null, null, 10, 50.0));
            dearHighValue.add(new DailyMetrics(END.minusDays(d), 50, null, null, 5, 250.0));
        }
        List<AdSetInput> sets = List.of(
                adSet("cheap", AdSetStatus.ACTIVE, 50.0, cheapLowValue),
                adSet("dear", AdSetStatus.ACTIVE, 50.0, dearHighValue));
        OptimizationProblem conv = problem(new BudgetRules(100, 0, null, null, 0.0), Targets.NONE, 1, sets);
        OptimizationProblem rev =
                new OptimizationProblem(Objective.REVENUE, "EUR", conv.budget(), Targets.NONE, 0, null, 7, 1, sets);
        assertTrue(byId(optimizer.optimize(conv), "cheap").recommendedBudget() > 50);
        OptimizationResult r = optimizer.optimize(rev);
        assertTrue(byId(r, "dear").recommendedBudget() > 50);
        assertNotNull(byId(r, "dear").posterior().orderValue());
        assertTrue(r.summary().expectedRevenue() > 0);
    }

    @Test
    void totalsOnlyAdSetCountsAsOneObservation() {
        List<AdSetInput> sets = List.of(
                adSet("d", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 14)),
                new AdSetInput(
                        "t",
                        "t",
                        AdSetStatus.ACTIVE,
                        50.0,
                        new Totals(700, null, null, 140, null),
                        List.of(),
                        null,
                        false,
                        null));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(100, 0, null, null, 0.0), Targets.NONE, 1, sets));
        assertEquals(140, byId(r, "t").posterior().effectiveConversions(), 1e-9);
        assertTrue(byId(r, "t").recommendedBudget() > byId(r, "d").recommendedBudget());
    }

    @Test
    void outsidePriorPullsThePosterior() {
        List<AdSetInput> base = List.of(
                adSet("a", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 3)),
                adSet("b", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 3)));
        List<AdSetInput> withPrior = List.of(
                base.get(0),
                new AdSetInput(
                        "b",
                        "b",
                        AdSetStatus.ACTIVE,
                        50.0,
                        null,
                        constant(50, 5, 3),
                        new Prior(5.0, null, null, 50, "model v1"),
                        false,
                        null));
        OptimizationResult r0 =
                optimizer.optimize(problem(new BudgetRules(100, 0, null, null, 0.0), Targets.NONE, 1, base));
        OptimizationResult r1 =
                optimizer.optimize(problem(new BudgetRules(100, 0, null, null, 0.0), Targets.NONE, 1, withPrior));
        assertTrue(byId(r1, "b").posterior().conversionsPerUnit()
                > byId(r0, "b").posterior().conversionsPerUnit());
    }

    @Test
    void aNewAdSetsOutsidePriorReplacesThePooledPriorAndAnEstablishedOnesAddsToIt() {
        Prior prior = new Prior(8.0, null, null, 3.0, "model v1");
        BudgetRules rules = new BudgetRules(150, 0, null, null, 0.0);
        for (int days : new int[] {0, 3, 6, 7, 14}) {
            List<DailyMetrics> history = days == 0 ? List.of() : constant(50, 5, days);
            List<AdSetInput> without = List.of(
                    adSet("a", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 14)),
                    adSet("c", AdSetStatus.ACTIVE, 50.0, constant(50, 3, 14)),
                    new AdSetInput("n", "n", AdSetStatus.ACTIVE, 50.0, null, history, null, false, null));
            List<AdSetInput> with = List.of(
                    without.get(0),
                    without.get(1),
                    new AdSetInput("n", "n", AdSetStatus.ACTIVE, 50.0, null, history, prior, false, null));
            PosteriorSummary p0 = byId(optimizer.optimize(problem(rules, Targets.NONE, 1, without)), "n")
                    .posterior();
            PosteriorSummary p1 = byId(optimizer.optimize(problem(rules, Targets.NONE, 1, with)), "n")
                    .posterior();
            double pooledShape = p0.shape() - p0.effectiveConversions();
            if (days < 7) {
                // the α₀ pseudo-conversions of the pooled prior are replaced by the prior's weight
                assertEquals(p0.shape() - pooledShape + 3.0, p1.shape(), 1e-9, days + " days");
            } else {
                assertEquals(p0.shape() + 3.0, p1.shape(), 1e-9, days + " days");
            }
        }
    }

    @Test
    void summaryIntervalsAndNumbersAreFinite() {
        OptimizationResult r = optimizer.optimize(Fixtures.problem(12, 28, 4));
        AllocationSummary s = r.summary();
        assertTrue(s.conversionsInterval().lower() <= s.expectedConversions());
        assertTrue(s.conversionsInterval().upper() >= s.expectedConversions());
        assertTrue(s.explorationBudget() >= 0 && s.explorationBudget() <= 0.3 * s.allocated() + 1e-9);
        for (AdSetRecommendation a : r.adSets()) {
            assertTrue(Double.isFinite(a.expectedConversions())
                    && Double.isFinite(a.expectedLoss())
                    && Double.isFinite(a.probabilityBest())
                    && Double.isFinite(a.expectedRevenue()));
            if (a.recommendedBudget() > 0) {
                assertTrue(a.cpaInterval().lower() <= a.expectedCpa()
                        && a.expectedCpa() <= a.cpaInterval().upper());
                assertTrue(a.marginalCpa() >= a.expectedCpa(), "concave: marginal CPA above average CPA");
            }
            assertFalse(a.reasons().isEmpty());
        }
        double pb = r.adSets().stream()
                .mapToDouble(AdSetRecommendation::probabilityBest)
                .sum();
        assertEquals(1.0, pb, 1e-9);
    }

    @Test
    void noConversionsAnywhereStillAnswersWithWarning() {
        List<AdSetInput> sets = List.of(
                adSet("a", AdSetStatus.ACTIVE, null, constant(20, 0, 5)),
                new AdSetInput("b", "b", AdSetStatus.ACTIVE, null, null, List.of(), null, false, null));
        OptimizationResult r =
                optimizer.optimize(problem(new BudgetRules(50, 0, null, null, null), Targets.NONE, 1, sets));
        assertEquals(50.0, sum(r), 1e-9);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no conversions")));
    }
}
