package io.metasystem.mlcore.optimizer;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaterFillingTest {

    @Test
    void matchesBruteForceGridOnTwoAdSets() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int rep = 0; rep < 20; rep++) {
            double[] a = {0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble()};
            double[] th = {0.3 + 0.65 * rnd.nextDouble(), 0.3 + 0.65 * rnd.nextDouble()};
            double[] lo = {rnd.nextDouble() * 10, rnd.nextDouble() * 10};
            double[] hi = {lo[0] + 20 + rnd.nextDouble() * 80, lo[1] + 20 + rnd.nextDouble() * 80};
            double total = Math.min(hi[0] + hi[1], lo[0] + lo[1] + 10 + rnd.nextDouble() * 100);
            double[] b = WaterFilling.solve(a, th, lo, hi, total);
            assertEquals(total, b[0] + b[1], 1e-9 * total);
            double best = Double.NEGATIVE_INFINITY;
            int grid = 200_000;
            // feasible range of b0 so that the grid contains both corner points exactly
            double from = Math.max(lo[0], total - hi[1]);
            double to = Math.min(hi[0], total - lo[1]);
            for (int g = 0; g <= grid; g++) {
                double b0 = from + (to - from) * g / grid;
                double b1 = total - b0;
                best = Math.max(best, WaterFilling.objective(a, th, new double[] {b0, b1}));
            }
            double got = WaterFilling.objective(a, th, b);
            assertTrue(got >= best - 1e-9 * Math.abs(best), "water-filling below grid optimum");
            assertEquals(best, got, 1e-6 * Math.abs(best));
        }
    }

    @Test
    void matchesBruteForceGridOnThreeAdSets() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int rep = 0; rep < 5; rep++) {
            double[] a = {0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble()};
            double[] th = {0.3 + 0.65 * rnd.nextDouble(), 0.3 + 0.65 * rnd.nextDouble(), 0.3 + 0.65 * rnd.nextDouble()};
            double[] lo = {1, 2, 3};
            double[] hi = {60, 50, 80};
            double total = 100;
            double[] b = WaterFilling.solve(a, th, lo, hi, total);
            double best = Double.NEGATIVE_INFINITY;
            int grid = 2000;
            double[] bb = new double[3];
            double from0 = Math.max(lo[0], total - hi[1] - hi[2]);
            double to0 = Math.min(hi[0], total - lo[1] - lo[2]);
            for (int g0 = 0; g0 <= grid; g0++) {
                bb[0] = from0 + (to0 - from0) * g0 / grid;
                double rest = total - bb[0];
                double from1 = Math.max(lo[1], rest - hi[2]);
                double to1 = Math.min(hi[1], rest - lo[2]);
                for (int g1 = 0; g1 <= grid; g1++) {
                    bb[1] = from1 + (to1 - from1) * g1 / grid;
                    bb[2] = rest - bb[1];
                    best = Math.max(best, WaterFilling.objective(a, th, bb));
                }
            }
            double got = WaterFilling.objective(a, th, b);
            assertTrue(got >= best - 1e-9 * best);
            assertEquals(best, got, 1e-5 * best, "grid of step ~0.03 is within 1e-5 of the optimum");
        }
    }

    @Test
    void matchesProjectedGradientSolverOnRandomCases() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int rep = 0; rep < 30; rep++) {
            int n = 2 + rnd.nextInt(9);
            double[] a = new double[n];
            double[] th = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            double sumLo = 0;
            double sumHi = 0;
            for (int i = 0; i < n; i++) {
                a[i] = 0.1 + 2 * rnd.nextDouble();
                th[i] = 0.3 + 0.65 * rnd.nextDouble();
                lo[i] = 1 + 5 * rnd.nextDouble();
                hi[i] = lo[i] + 10 + 100 * rnd.nextDouble();
                sumLo += lo[i];
                sumHi += hi[i];
            }
            double total = sumLo + (sumHi - sumLo) * (0.05 + 0.9 * rnd.nextDouble());
            double[] b = WaterFilling.solve(a, th, lo, hi, total);
            double[] ref = ProjectedGradient.maximise(a, th, lo, hi, total);
            double got = WaterFilling.objective(a, th, b);
            double want = WaterFilling.objective(a, th, ref);
            assertTrue(got >= want - 1e-9 * want, "general solver beat water-filling");
            assertEquals(want, got, 1e-6 * want);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += b[i];
                assertTrue(b[i] >= lo[i] - 1e-12 && b[i] <= hi[i] + 1e-12);
            }
            assertEquals(total, sum, 1e-9 * total);
        }
    }

    @Test
    void satisfiesKktConditions() {
        double[] a = {1.0, 2.0, 0.5, 1.5};
        double[] th = {0.5, 0.7, 0.9, 0.4};
        double[] lo = {0, 5, 0, 0};
        double[] hi = {1000, 1000, 1000, 2};
        double[] b = WaterFilling.solve(a, th, lo, hi, 200);
        double nu = Double.NaN;
        for (int i = 0; i < 4; i++) {
            if (b[i] > lo[i] + 1e-6 && b[i] < hi[i] - 1e-6) {
                double m = a[i] * th[i] * Math.pow(b[i], th[i] - 1);
                if (Double.isNaN(nu)) {
                    nu = m;
                } else {
                    assertEquals(nu, m, 1e-8 * nu, "free ad sets share one marginal value");
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            double m = b[i] > 0 ? a[i] * th[i] * Math.pow(b[i], th[i] - 1) : Double.POSITIVE_INFINITY;
            if (b[i] >= hi[i] - 1e-6) {
                assertTrue(m >= nu * (1 - 1e-8), "an ad set at its ceiling wants more");
            } else if (b[i] <= lo[i] + 1e-6) {
                assertTrue(m <= nu * (1 + 1e-8), "an ad set at its floor wants less");
            }
        }
        assertEquals(200, b[0] + b[1] + b[2] + b[3], 1e-9);
    }

    @Test
    void zeroCoefficientIsFundedOnlyWhenOthersAreFull() {
        double[] b = WaterFilling.solve(
                new double[] {1, 0}, new double[] {0.7, 0.7}, new double[] {0, 0}, new double[] {60, 100}, 100);
        assertEquals(60, b[0], 1e-9);
        assertEquals(40, b[1], 1e-9);
    }

    /** A general-purpose reference: projected gradient ascent with Armijo backtracking and exact projection. */
    static final class ProjectedGradient {
        static double[] maximise(double[] a, double[] th, double[] lo, double[] hi, double total) {
            int n = a.length;
            double[] x = project(new double[n], lo, hi, total);
            for (int i = 0; i < n; i++) {
                x[i] = lo[i] + (hi[i] - lo[i]) * 0.5;
            }
            x = project(x, lo, hi, total);
            double step = 1.0;
            double fx = WaterFilling.objective(a, th, x);
            for (int it = 0; it < 200_000; it++) {
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = a[i] * th[i] * Math.pow(x[i], th[i] - 1);
                }
                boolean improved = false;
                for (int ls = 0; ls < 60; ls++) {
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i] + step * g[i];
                    }
                    y = project(y, lo, hi, total);
                    double fy = WaterFilling.objective(a, th, y);
                    if (fy > fx + 1e-16 * Math.abs(fx)) {
                        x = y;
                        fx = fy;
                        step *= 1.5;
                        improved = true;
                        break;
                    }
                    step *= 0.5;
                }
                if (!improved) {
                    break;
                }
            }
            return x;
        }

        /** Euclidean projection onto {Σx = total, lo ≤ x ≤ hi}: x_i = clamp(y_i − τ), τ by bisection. */
        static double[] project(double[] y, double[] lo, double[] hi, double total) {
            double tLo = -1e9;
            double tHi = 1e9;
            for (int it = 0; it < 300; it++) {
                double t = 0.5 * (tLo + tHi);
                double s = 0;
                for (int i = 0; i < y.length; i++) {
                    s += WaterFilling.clamp(y[i] - t, lo[i], hi[i]);
                }
                if (s > total) {
                    tLo = t;
                } else {
                    tHi = t;
                }
            }
            double t = 0.5 * (tLo + tHi);
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = WaterFilling.clamp(y[i] - t, lo[i], hi[i]);
            }
            return x;
        }
    }
}
