package io.metasystem.mlcore.simulation.bench;

import java.util.Arrays;
import java.util.Locale;

/** Prints time and objective gap of SQP against water-filling for 10/100/1,000 ad sets (one cold run each). */
public final class SolverGapMain {
    public static void main(String[] args) {
        int[] sizes = args.length > 0
                ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 100, 1000};
        System.out.println("| ad sets | water-filling ms | SQP ms | objective (water-filling) | SQP relative "
                + "gap | SQP max infeasibility |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            PowerAllocationProblem p = new PowerAllocationProblem(n, 17);
            for (int w = 0; w < 3; w++) {
                p.solveWaterFilling();
            }
            long t0 = System.nanoTime();
            double[] wf = p.solveWaterFilling();
            long t1 = System.nanoTime();
            double[] sqp;
            String sqpNote = "";
            try {
                sqp = p.solveSqp();
            } catch (RuntimeException e) {
                sqp = p.current.clone();
                sqpNote = " (failed: " + e.getClass().getSimpleName() + ")";
            }
            long t2 = System.nanoTime();
            double vw = p.value(wf);
            double vs = p.value(sqp);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.3f | %.1f%s | %.4f | %.2e | %.2e |%n",
                    n,
                    (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6,
                    sqpNote,
                    vw,
                    (vw - vs) / vw,
                    p.infeasibility(sqp));
        }
    }
}
