package io.metasystem.mlcore.simulation.bench;

import io.metasystem.mlcore.simulation.Allocations;
import io.metasystem.mlcore.simulation.ConcaveCurve;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearEqualityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearInequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOptimizerS;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOption;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The allocation problem of the solver comparison: maximise Σ κ_i·b_i^θ_i subject to lo_i ≤ b_i ≤ hi_i (the
 * [min, max] bounds intersected with a ±30 % change cap around the current budget) and Σ b_i = total.
 */
final class PowerAllocationProblem {
    final int n;
    final double total;
    final double[] kappa;
    final double[] theta;
    final double[] current;
    final double[] lower;
    final double[] upper;

    PowerAllocationProblem(int n, long seed) {
        this.n = n;
        SplittableRandom rng = new SplittableRandom(seed);
        total = 100.0 * n;
        kappa = new double[n];
        theta = new double[n];
        current = new double[n];
        lower = new double[n];
        upper = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            kappa[i] = Math.exp(0.8 * gaussian(rng)) * 0.05;
            theta[i] = 0.5 + 0.4 * rng.nextDouble();
            current[i] = 50 + 100 * rng.nextDouble();
            sum += current[i];
        }
        for (int i = 0; i < n; i++) {
            current[i] *= total / sum;
            lower[i] = Math.max(10, 0.7 * current[i]);
            upper[i] = Math.min(0.5 * total, 1.3 * current[i]);
        }
    }

    double value(double[] b) {
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += kappa[i] * Math.pow(b[i], theta[i]);
        }
        return v;
    }

    ConcaveCurve[] curves() {
        ConcaveCurve[] c = new ConcaveCurve[n];
        for (int i = 0; i < n; i++) {
            double k = kappa[i];
            double t = theta[i];
            c[i] = new ConcaveCurve() {
                @Override
                public double value(double b) {
                    return k * Math.pow(b, t);
                }

                @Override
                public double slope(double b) {
                    return b <= 0 ? Double.POSITIVE_INFINITY : k * t * Math.pow(b, t - 1);
                }
            };
        }
        return c;
    }

    /** Water-filling on equal marginal value (the method of our engine). */
    double[] solveWaterFilling() {
        return Allocations.waterFill(curves(), lower, upper, total);
    }

    /** Hipparchus SQP (SQPOptimizerS) on the same problem, from the current budgets. */
    double[] solveSqp() {
        TwiceDifferentiableFunction f = new TwiceDifferentiableFunction() {
            @Override
            public int dim() {
                return n;
            }

            @Override
            public double value(RealVector x) {
                double v = 0;
                for (int i = 0; i < n; i++) {
                    v -= kappa[i] * Math.pow(Math.max(x.getEntry(i), 1e-9), theta[i]);
                }
                return v;
            }

            @Override
            public RealVector gradient(RealVector x) {
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    double b = Math.max(x.getEntry(i), 1e-9);
                    g[i] = -kappa[i] * theta[i] * Math.pow(b, theta[i] - 1);
                }
                return new ArrayRealVector(g, false);
            }

            @Override
            public RealMatrix hessian(RealVector x) {
                double[] h = new double[n];
                for (int i = 0; i < n; i++) {
                    double b = Math.max(x.getEntry(i), 1e-9);
                    h[i] = -kappa[i] * theta[i] * (theta[i] - 1) * Math.pow(b, theta[i] - 2);
                }
                RealMatrix m = new Array2DRowRealMatrix(n, n); // dense: the BFGS update fills it
                for (int i = 0; i < n; i++) {
                    m.setEntry(i, i, h[i]);
                }
                return m;
            }
        };
        double[][] eq = new double[1][n];
        Arrays.fill(eq[0], 1.0);
        // A x >= c: x_i >= lo_i and -x_i >= -hi_i
        RealMatrix a = new Array2DRowRealMatrix(2 * n, n);
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) {
            a.setEntry(i, i, 1);
            c[i] = lower[i];
            a.setEntry(n + i, i, -1);
            c[n + i] = -upper[i];
        }
        SQPOption option = new SQPOption();
        option.setUseFunHessian(true);
        SQPOptimizerS sqp = new SQPOptimizerS();
        LagrangeSolution s = sqp.optimize(
                new ObjectiveFunction(f),
                new InitialGuess(current.clone()),
                new LinearEqualityConstraint(eq, new double[] {total}),
                new LinearInequalityConstraint(a, new ArrayRealVector(c)),
                option);
        return s.getX().toArray();
    }

    /** Largest bound or total violation of b (currency). */
    double infeasibility(double[] b) {
        double v = Math.abs(Allocations.sum(b) - total);
        for (int i = 0; i < n; i++) {
            v = Math.max(v, Math.max(lower[i] - b[i], b[i] - upper[i]));
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
