package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.alerts.detect.Sensitivity;
import io.metasystem.mlcore.evaluation.AlertBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code alertbench}: injects anomalies into simulated ad-set series and measures the detectors' recall per kind,
 * precision and false alarms per 60 clean ad-set-days (docs/alerts.md).
 */
@Command(
        name = "alertbench",
        mixinStandardHelpOptions = true,
        description = "Anomaly-detector benchmark on simulated series with injected anomalies (docs/alerts.md).")
public final class AlertBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--adsets", defaultValue = "2000", description = "simulated ad sets (default ${DEFAULT-VALUE})")
    int adsets;

    @Option(
            names = "--days",
            defaultValue = "75",
            description = "days per ad set, the first 28 are warm-up (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "1001", description = "simulation seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--anomaly-share",
            defaultValue = "0.5",
            description = "share of ad sets with an injected anomaly (default ${DEFAULT-VALUE})")
    double anomalyShare;

    @Option(
            names = "--sensitivity",
            defaultValue = "medium",
            description = "low, medium or high (default ${DEFAULT-VALUE})")
    String sensitivity;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AlertBenchmark.Settings settings;
        try {
            settings = new AlertBenchmark.Settings(
                    adsets, days, seed, anomalyShare, Sensitivity.fromWire(sensitivity.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        AlertBenchmark.Report report = AlertBenchmark.run(settings);
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();
        err.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
