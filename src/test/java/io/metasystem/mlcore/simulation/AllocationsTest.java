package io.metasystem.mlcore.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AllocationsTest {

    @Test
    void waterFillingMatchesBruteForceOnThreeAdSets() {
        ConcaveCurve[] curves = {
            new ResponseCurve(0.08, 1, 50, 0.5, 1),
            new ResponseCurve(0.05, 0.95, 200, 0.3, 1),
            new ResponseCurve(0.03, 0.9, 400, 0.6, 1)
        };
        double[] lo = {5, 5, 5};
        double[] hi = {150, 150, 150};
        double total = 200;
        double[] b = Allocations.waterFill(curves, lo, hi, total);
        double best = Double.NEGATIVE_INFINITY;
        for (double x = 5; x <= 150; x += 0.25) {
            for (double y = 5; y <= 150; y += 0.25) {
                double z = total - x - y;
                if (z < 5 || z > 150) {
                    continue;
                }
                best = Math.max(best, curves[0].value(x) + curves[1].value(y) + curves[2].value(z));
            }
        }
        double got = curves[0].value(b[0]) + curves[1].value(b[1]) + curves[2].value(b[2]);
        assertThat(Allocations.sum(b)).isCloseTo(total, within(1e-6));
        assertThat(got).isGreaterThanOrEqualTo(best - 1e-6);
    }

    @Test
    void fitKeepsProportionsWithinBoundsAndSpendsTheTotal() {
        double[] b = Allocations.fit(new double[] {1, 2, 7}, new double[] {10, 10, 10}, new double[] {50, 50, 50}, 100);
        assertThat(b).containsExactly(new double[] {16.666666, 33.333333, 50}, within(1e-4));
    }

    @Test
    void fitSpreadsWhatWeightedAdSetsCannotAbsorb() {
        double[] b = Allocations.fit(new double[] {1, 0, 0}, new double[] {0, 0, 0}, new double[] {40, 100, 100}, 100);
        assertThat(b[0]).isCloseTo(40, within(1e-9));
        assertThat(b[1] + b[2]).isCloseTo(60, within(1e-9));
    }

    @Test
    void boxDropsChangeCapsOnlyWhenTheyCannotHold() {
        BudgetConstraints rules = new BudgetConstraints(100, 0, null, 0.2, 10);
        BudgetConstraints.Box box = rules.box(new double[] {50, 50}, new boolean[] {true, true});
        assertThat(box.capsRelaxed()).isFalse();
        assertThat(box.upper()).containsExactly(60, 60);
        BudgetConstraints.Box paused = rules.box(new double[] {50, 50}, new boolean[] {true, false});
        assertThat(paused.capsRelaxed()).isTrue();
    }
}
