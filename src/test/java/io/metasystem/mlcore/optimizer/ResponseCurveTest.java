package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static io.metasystem.mlcore.optimizer.Fixtures.adSet;
import static io.metasystem.mlcore.optimizer.Fixtures.constant;
import static io.metasystem.mlcore.optimizer.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCurveTest {
    @Test
    void closedFormsOfThePowerCurve() {
        ResponseCurve c = new ResponseCurve(0.08, 0.5, 50);
        assertEquals(0.08 * 50, c.expectedConversions(50), 1e-12); // at the reference spend: κ·r
        assertEquals(0.08 * 50 * 2, c.expectedConversions(200), 1e-12); // (200/50)^0.5 = 2
        assertEquals(0.0, c.expectedConversions(0), 0.0);
        assertEquals(0.0, c.expectedConversions(-3), 0.0);
        ResponseCurve linear = new ResponseCurve(0.1, 1.0, 77);
        assertEquals(12.0, linear.expectedConversions(120), 1e-12);
    }

    @Test
    void everyFurtherUnitOfBudgetBuysFewerConversions() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 2_000; trial++) {
            ResponseCurve c = new ResponseCurve(
                    random.nextDouble(0.001, 1), random.nextDouble(0.05, 0.99), random.nextDouble(1, 1_000));
            double b = random.nextDouble(1, 2_000);
            double step = random.nextDouble(0.01, 1) * b;
            double first = c.expectedConversions(b) - c.expectedConversions(b - step / 2);
            double next = c.expectedConversions(b + step / 2) - c.expectedConversions(b);
            assertTrue(c.expectedConversions(b + step) > c.expectedConversions(b), "increasing");
            assertTrue(next < first, "concave at " + c + ", b " + b);
        }
    }

    @Test
    void theReferenceSpendIsRecoveredFromAnyPointOfTheCurve() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 2_000; trial++) {
            double kappa = random.nextDouble(0.001, 1);
            double theta = random.nextDouble(0.05, 0.99);
            double r = random.nextDouble(1, 1_000);
            double b = random.nextDouble(1, 2_000);
            double conversions = new ResponseCurve(kappa, theta, r).expectedConversions(b);
            assertEquals(r, ResponseCurve.referenceSpend(kappa, theta, b, conversions), 1e-6 * r);
        }
        assertThrows(IllegalArgumentException.class, () -> ResponseCurve.referenceSpend(0.1, 0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResponseCurve(0.1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ResponseCurve(0.1, 0.5, 0));
    }

    @Test
    void theOptimizersOwnFiguresLieOnTheCurvesOfOneSharedReferenceSpend() {
        OptimizationResult result = new BudgetOptimizer().optimize(Fixtures.problem(6, 28, 11));
        double expectedR = 600.0 / 6; // total / number of active ad sets
        for (AdSetRecommendation a : result.adSets()) {
            PosteriorSummary p = a.posterior();
            if (a.recommendedBudget() > 0) {
                double r = ResponseCurve.referenceSpend(
                        p.conversionsPerUnit(), p.saturationExponent(), a.recommendedBudget(), a.expectedConversions());
                assertEquals(expectedR, r, 1e-6 * expectedR, a.id());
                assertEquals(
                        a.expectedConversions(),
                        new ResponseCurve(p.conversionsPerUnit(), p.saturationExponent(), expectedR)
                                .expectedConversions(a.recommendedBudget()),
                        1e-9,
                        a.id());
            }
        }
        // a paused ad set has no conversions at zero budget, on its own curve as well
        OptimizationResult paused = new BudgetOptimizer()
                .optimize(problem(
                        new BudgetRules(100, 0, null, null, 0.0),
                        Targets.NONE,
                        1,
                        List.of(
                                adSet("on", AdSetStatus.ACTIVE, 50.0, constant(50, 5, 14)),
                                adSet("off", AdSetStatus.PAUSED, 50.0, constant(50, 5, 14)))));
        AdSetRecommendation off = paused.adSets().stream()
                .filter(a -> a.id().equals("off"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.0, off.expectedConversions(), 0.0);
    }
}
