package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.evaluation.PairedDifference;
import io.metasystem.mlcore.optimizer.Objective;
import io.metasystem.mlcore.simulation.Backtest;
import io.metasystem.mlcore.simulation.BacktestCharts;
import io.metasystem.mlcore.simulation.BacktestReport;
import io.metasystem.mlcore.simulation.MarketFamily;
import io.metasystem.mlcore.simulation.Policies;
import io.metasystem.mlcore.simulation.Policy;
import io.metasystem.mlcore.simulation.PolicyRun;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

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

    @Option(
            names = "--market",
            defaultValue = "default",
            description = "simulated market: default (the calibrated one) or hard (CPM jumps, dying and replaced "
                    + "creatives, weekday competition, frequency fatigue; docs/simulation.md) "
                    + "(default ${DEFAULT-VALUE})")
    String market;

    @Option(
            names = "--seeds",
            description = "several seed families pooled, e.g. 1001-1008 or 1,2,3 (overrides --seed); the tables "
                    + "then cover scenarios x seeds runs")
    String seeds;

    @Option(
            names = "--change-cap",
            defaultValue = "scenario",
            description = "change cap of every scenario: scenario (each its own), none, or a ratio such as 0.2 "
                    + "(the references are held to the same cap) (default ${DEFAULT-VALUE})")
    String changeCap;

    @Option(
            names = "--objective",
            defaultValue = "conversions",
            description =
                    "what is scored and asked for: conversions or revenue (target ROAS) (default ${DEFAULT-VALUE})")
    String objective;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (scenarios < 1 || days < 1) {
            err.println("--scenarios and --days must be >= 1");
            return 2;
        }
        MarketFamily family;
        Objective goal;
        double cap;
        long[] seedList;
        try {
            family = MarketFamily.valueOf(market.trim().toUpperCase(Locale.ROOT));
            goal = Objective.valueOf(objective.trim().toUpperCase(Locale.ROOT));
            if (goal == Objective.VALUE) {
                throw new IllegalArgumentException("value");
            }
            cap = switch (changeCap.trim()) {
                case "scenario" -> ScenarioGenerator.SCENARIO_CAP;
                case "none" -> Double.NaN;
                default -> ratio(changeCap.trim());
            };
            seedList = seeds == null ? new long[] {seed} : parseSeeds(seeds);
        } catch (IllegalArgumentException e) {
            err.println("--market must be default or hard, --objective conversions or revenue, --change-cap "
                    + "scenario, none or a ratio >= 0, --seeds a range a-b or a list a,b,c");
            return 2;
        }
        List<Policy> policies = new ArrayList<>(Policies.references());
        if (!noOptimizer) {
            if (Policies.optimizerAvailable()) {
                policies = new ArrayList<>(Policies.all(goal));
            } else {
                err.println("optimizer: BudgetOptimizer is not implemented on this build; its row is pending");
            }
        }
        Backtest backtest = new Backtest(ScenarioGenerator.of(family).withChangeCap(cap), policies, days, goal);
        long start = System.nanoTime();
        List<PolicyRun> runs = new ArrayList<>();
        for (long s : seedList) {
            BacktestReport one = backtest.run(s, scenarios, k -> {
                synchronized (err) {
                    err.printf("seed %d: scenario %d/%d%n", s, k, scenarios);
                    err.flush();
                }
            });
            runs.addAll(one.runs());
        }
        BacktestReport report = new BacktestReport(
                seedList[0],
                scenarios * seedList.length,
                days,
                policies.stream().map(Policy::name).toList(),
                runs);
        String paired = pairedTable(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.csv"), report.csv(), StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve("summary.md"),
                report.markdownTable() + "\nMean share by segment:\n\n" + report.segmentTable() + "\n" + paired,
                StandardCharsets.UTF_8);
        BacktestCharts.writePng(report, out.resolve("cumulative.png"));
        stdout.printf(
                Locale.ROOT,
                "Backtest: %d scenarios x %d days, seed %s, market %s, change cap %s, objective %s (%.1f s)%n",
                scenarios,
                days,
                seeds == null ? Long.toString(seed) : seeds,
                family.name().toLowerCase(Locale.ROOT),
                changeCap,
                goal.name().toLowerCase(Locale.ROOT),
                (System.nanoTime() - start) / 1e9);
        stdout.print(report.table());
        stdout.print(paired);
        stdout.printf(
                "wrote %s, %s, %s%n",
                out.resolve("results.csv"), out.resolve("summary.md"), out.resolve("cumulative.png"));
        stdout.flush();
        return 0;
    }

    /** Paired differences of the optimizer's share minus each other policy's, scenario by scenario. */
    static String pairedTable(BacktestReport report) {
        if (!report.policies().contains("optimizer")) {
            return "";
        }
        double[] mine = shares(report, "optimizer");
        StringBuilder sb = new StringBuilder("Paired share differences, optimizer minus policy (95 % intervals):\n\n"
                + "| policy | n | mean diff | paired-t 95 % | bootstrap 95 % | optimizer wins / losses |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (String p : report.policies()) {
            if (p.equals("optimizer") || mine.length < 2) {
                continue;
            }
            PairedDifference d = PairedDifference.of(mine, shares(report, p), 18L);
            sb.append("| ")
                    .append(p)
                    .append(" | ")
                    .append(d.n())
                    .append(" | ")
                    .append(d.format("%+.4f | [%+.4f, %+.4f] | [%+.4f, %+.4f] | %d / %d |%n"));
        }
        return sb.toString();
    }

    private static double[] shares(BacktestReport report, String policy) {
        return report.runsOf(policy).stream().mapToDouble(PolicyRun::share).toArray();
    }

    private static double ratio(String text) {
        double v = Double.parseDouble(text);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("bad change cap " + text);
        }
        return v;
    }

    static long[] parseSeeds(String text) {
        String t = text.trim();
        int dash = t.indexOf('-', 1);
        if (dash > 0 && !t.contains(",")) {
            long a = Long.parseLong(t.substring(0, dash).trim());
            long b = Long.parseLong(t.substring(dash + 1).trim());
            if (b < a || b - a > 10_000) {
                throw new IllegalArgumentException("bad seed range " + text);
            }
            return LongStream.rangeClosed(a, b).toArray();
        }
        return Arrays.stream(t.split(","))
                .map(String::trim)
                .mapToLong(Long::parseLong)
                .toArray();
    }
}
