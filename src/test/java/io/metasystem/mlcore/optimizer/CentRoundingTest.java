package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CentRoundingTest {

    @Test
    void roundsToCentsWithExactSumAndBounds() {
        double[] b = {33.333333, 33.333333, 33.333334};
        long[] c = CentRounding.round(b, new double[] {0, 0, 0}, new double[] {100, 100, 100}, 100.0);
        assertEquals(10_000, c[0] + c[1] + c[2]);
        for (long x : c) {
            assertTrue(x == 3333 || x == 3334);
        }
    }

    @Test
    void respectsFractionalBoundsByRoundingThemInward() {
        double[] lo = {10.004, 0};
        double[] hi = {20.006, 100};
        long[] c = CentRounding.round(new double[] {10.004, 89.996}, lo, hi, 100.0);
        assertEquals(10_000, c[0] + c[1]);
        assertTrue(c[0] >= 1001 && c[0] <= 2000);
    }
}
