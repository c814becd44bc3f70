package io.metasystem.mlcore.simulation.bench;

import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.AdSetRecommendation;
import io.metasystem.mlcore.optimizer.AdSetStatus;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.BudgetRules;
import io.metasystem.mlcore.optimizer.DailyMetrics;
import io.metasystem.mlcore.optimizer.EarlyStopRules;
import io.metasystem.mlcore.optimizer.Objective;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.Targets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Same concave allocation problem (Σ κ_i·b_i^θ_i, bounds, ±30 % change caps, Σ b = total), four solvers:
 * water-filling on equal marginal value ({@code waterFilling}, the method of our engine, as implemented in
 * {@code simulation.Allocations}), Hipparchus' general SQP ({@code sqp}, {@code SQPOptimizerS} with the exact
 * Hessian), the engine's water-filling kernel on the same objective ({@code engineWaterFilling}), and our
 * {@link BudgetOptimizer} called through its public API with exploration 0 and risk 0
 * ({@code engine}; fails with UnsupportedOperationException until the engine is merged). The objective gap of each
 * solver against water-filling is printed once per trial.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main SolverComparisonBenchmark -f 1 -wi 3 -i 5"} (n = 10, 100);
 * add {@code -e sqp -p n=1000} for 1,000 ad sets without SQP, whose dense QP takes minutes per solve at that size
 * ({@link SolverGapMain} times one cold SQP solve).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SolverComparisonBenchmark {
    @Param({"10", "100"})
    public int n;

    PowerAllocationProblem problem;
    OptimizationProblem engineProblem;

    @Setup(Level.Trial)
    public void setUp() {
        problem = new PowerAllocationProblem(n, 17);
        engineProblem = engineProblem(problem);
        double[] wf = problem.solveWaterFilling();
        System.out.printf(
                Locale.ROOT,
                "%n[n=%d] water-filling objective %.6f, infeasibility %.2e%n",
                n,
                problem.value(wf),
                problem.infeasibility(wf));
        try {
            double[] ek = engineWaterFilling();
            System.out.printf(
                    Locale.ROOT,
                    "[n=%d] engine kernel relative gap %.2e, infeasibility %.2e%n",
                    n,
                    (problem.value(wf) - problem.value(ek)) / problem.value(wf),
                    problem.infeasibility(ek));
            double[] en = engine();
            System.out.printf(
                    Locale.ROOT,
                    "[n=%d] engine end-to-end relative gap %.2e (model fitted from data), " + "infeasibility %.2e%n",
                    n,
                    (problem.value(wf) - problem.value(en)) / problem.value(wf),
                    problem.infeasibility(en));
        } catch (Throwable e) {
            System.out.println("[n=" + n + "] engine unavailable: " + e);
        }
    }

    @Benchmark
    public double[] waterFilling() {
        return problem.solveWaterFilling();
    }

    @Benchmark
    public double[] sqp() {
        return problem.solveSqp();
    }

    /**
     * The engine's own water-filling kernel ({@code optimizer.WaterFilling.solve}, package-private, reached through a
     * method handle so the optimizer package stays untouched) on exactly this objective.
     */
    @Benchmark
    public double[] engineWaterFilling() throws Throwable {
        return (double[])
                ENGINE_KERNEL.invokeExact(problem.kappa, problem.theta, problem.lower, problem.upper, problem.total);
    }

    static final MethodHandle ENGINE_KERNEL = engineKernel();

    private static MethodHandle engineKernel() {
        try {
            Method m = Class.forName("io.metasystem.mlcore.optimizer.WaterFilling")
                    .getDeclaredMethod(
                            "solve", double[].class, double[].class, double[].class, double[].class, double.class);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    @Benchmark
    public double[] engine() {
        List<AdSetRecommendation> r =
                new BudgetOptimizer().optimize(engineProblem).adSets();
        double[] b = new double[r.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.get(i).recommendedBudget();
        }
        return b;
    }

    /**
     * The same problem as an API request: 28 days at the current budget with the expected conversions
     * κ·b^θ of each ad set (fractional), no exploration, no risk penalty, no early stop.
     */
    static OptimizationProblem engineProblem(PowerAllocationProblem p) {
        List<AdSetInput> adSets = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 1, 5);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.n; i++) {
            min = Math.min(min, p.lower[i]);
            List<DailyMetrics> rows = new ArrayList<>();
            for (int d = 0; d < 28; d++) {
                double b = p.current[i];
                rows.add(
                        new DailyMetrics(start.plusDays(d), b, null, null, p.kappa[i] * Math.pow(b, p.theta[i]), null));
            }
            adSets.add(new AdSetInput("a" + i, null, AdSetStatus.ACTIVE, p.current[i], null, rows, null, false, null));
        }
        BudgetRules rules = new BudgetRules(p.total, Math.min(10, min), 0.5 * p.total, 0.3, 0.0);
        return new OptimizationProblem(
                Objective.CONVERSIONS,
                "EUR",
                rules,
                Targets.NONE,
                0.0,
                new EarlyStopRules(false, 0.95, 2.0),
                OptimizationProblem.DEFAULT_HALF_LIFE_DAYS,
                1L,
                adSets);
    }
}
