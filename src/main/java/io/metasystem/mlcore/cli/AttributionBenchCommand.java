package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.reporting.model.AttributionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code attributionbench}: fits the attribution model to simulated artists with a known ad effect and decay (and to
 * artists without any effect) and prints the coverage of its 90 % intervals, the median relative error of the
 * incremental streams per unit of spend and how often a no-effect artist's interval reaches zero (docs/reporting.md).
 */
@Command(
        name = "attributionbench",
        mixinStandardHelpOptions = true,
        description = "Attribution-model benchmark on simulated artists with known effect and decay "
                + "(docs/reporting.md).")
public final class AttributionBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--artists", defaultValue = "200", description = "artists per kind (default ${DEFAULT-VALUE})")
    int artists;

    @Option(names = "--days", defaultValue = "180", description = "days per artist (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "2026", description = "simulation seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AttributionBenchmark.Settings settings;
        try {
            settings = new AttributionBenchmark.Settings(artists, days, seed);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        AttributionBenchmark.Report report = AttributionBenchmark.run(settings);
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();
        err.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
