package io.metasystem.mlcore.optimizer.bench;

import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.Fixtures;
import io.metasystem.mlcore.optimizer.OptimizationProblem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Not a test: thread-CPU time per {@link BudgetOptimizer#optimize} call on the {@link OptimizerBenchmark} workload,
 * a companion to JMH on a shared machine (CPU time is less sensitive than wall time to other processes).
 * {@code java -cp <test classpath> io.metasystem.mlcore.optimizer.bench.CpuTimeMain <adSets> <callsPerRepetition>};
 * prints 5 repetitions, the first ones are JIT warm-up.
 */
public final class CpuTimeMain {
    private CpuTimeMain() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        OptimizationProblem problem = Fixtures.problem(n, 28, 42);
        BudgetOptimizer optimizer = new BudgetOptimizer();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 5; rep++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                optimizer.optimize(problem);
            }
            long c1 = bean.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "n=%d wall %.3f ms cpu %.3f ms%n",
                    n,
                    (t1 - t0) / 1e6 / calls,
                    (c1 - c0) / 1e6 / calls);
        }
    }
}
