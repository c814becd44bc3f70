package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.simulation.Backtest;
import io.metasystem.mlcore.simulation.BacktestCharts;
import io.metasystem.mlcore.simulation.BacktestReport;
import io.metasystem.mlcore.simulation.Policies;
import io.metasystem.mlcore.simulation.Policy;
import io.metasystem.mlcore.simulation.ScenarioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code backtest}: runs every policy on synthetic scenarios and writes a table, a CSV and a PNG. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Backtest the optimizer and the reference policies on a seeded synthetic ad market.")
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", defaultValue = "50", description = "number of scenarios (default ${DEFAULT-VALUE})")
    int scenarios;

    @Option(names = "--days", defaultValue = "28", description = "scored days per scenario (default ${DEFAULT-VALUE})")
    int days;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "seed of the scenario family (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--out",
            defaultValue = "out/backtest",
            description = "output directory for results.csv, summary.md and cumulative.png (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-optimizer", description = "run the reference policies only")
    boolean noOptimizer;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (scenarios < 1 || days < 1) {
            err.println("--scenarios and --days must be >= 1");
            return 2;
        }
        List<Policy> policies = new ArrayList<>(Policies.references());
        if (!noOptimizer) {
            if (Policies.optimizerAvailable()) {
                policies = new ArrayList<>(Policies.all());
            } else {
                err.println("optimizer: BudgetOptimizer is not implemented on this build; its row is pending");
            }
        }
        Backtest backtest = new Backtest(new ScenarioGenerator(), policies, days);
        long start = System.nanoTime();
        BacktestReport report = backtest.run(seed, scenarios, k -> {
            synchronized (err) {
                err.printf("scenario %d/%d%n", k, scenarios);
                err.flush();
            }
        });
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.csv"), report.csv(), StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve("summary.md"),
                report.markdownTable() + "\nMean share by segment:\n\n" + report.segmentTable(),
                StandardCharsets.UTF_8);
        BacktestCharts.writePng(report, out.resolve("cumulative.png"));
        stdout.printf(
                "Backtest: %d scenarios x %d days, seed %d (%.1f s)%n",
                scenarios, days, seed, (System.nanoTime() - start) / 1e9);
        stdout.print(report.table());
        stdout.printf(
                "wrote %s, %s, %s%n",
                out.resolve("results.csv"), out.resolve("summary.md"), out.resolve("cumulative.png"));
        stdout.flush();
        return 0;
    }
}
