package io.metasystem.mlcore.optimizer.bench;

import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.Fixtures;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * End-to-end {@link BudgetOptimizer#optimize} on n ad sets with 28 days of history each (clicks, revenue, a target
 * CPA, a 30 % change cap, adaptive exploration). Excluded from surefire (package {@code bench}); run with
 * {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main OptimizerBenchmark -f 1 -wi 3 -i 5"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OptimizerBenchmark {
    @Param({"10", "100", "1000", "10000"})
    public int adSets;

    private OptimizationProblem problem;
    private final BudgetOptimizer optimizer = new BudgetOptimizer();

    @Setup
    public void setUp() {
        problem = Fixtures.problem(adSets, 28, 42);
    }

    @Benchmark
    public OptimizationResult optimize() {
        return optimizer.optimize(problem);
    }
}
