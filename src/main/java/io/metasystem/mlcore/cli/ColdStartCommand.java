package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.evaluation.AttributePriors;
import io.metasystem.mlcore.evaluation.ColdStartBenchmark;
import io.metasystem.mlcore.evaluation.ColdStartReport;
import io.metasystem.mlcore.evaluation.HierarchicalPriors;
import io.metasystem.mlcore.evaluation.XgbPriors;
import io.metasystem.mlcore.ml.FeatureTable;
import io.metasystem.mlcore.ml.Validation;
import io.metasystem.mlcore.simulation.ColdStartScenarioGenerator;
import io.metasystem.mlcore.simulation.CreativeEffects;
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

/**
 * {@code coldstart}: trains prior models on simulated past campaigns and compares the optimizer with and without
 * their priors on held-out accounts where new ad sets launch mid-flight.
 */
@Command(
        name = "coldstart",
        mixinStandardHelpOptions = true,
        description = "Cold-start benchmark: the optimizer with and without model priors for new ad sets launched "
                + "mid-flight, on simulated accounts held out from the models' training data.")
public final class ColdStartCommand implements Callable<Integer> {
    /** Which prior models to train and compare. */
    enum Models {
        HIERARCHICAL,
        XGBOOST,
        BOTH
    }

    /** The simulated world's creatives. */
    enum Creatives {
        /** No creative features (the original benchmark). */
        OFF,
        /** Creative features with {@link CreativeEffects#PLANTED} effects on the true rates. */
        PLANTED,
        /** The control: the same features with no effect. */
        NONE;

        CreativeEffects effects() {
            return switch (this) {
                case OFF -> null;
                case PLANTED -> CreativeEffects.PLANTED;
                case NONE -> CreativeEffects.NONE;
            };
        }
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--creatives",
            defaultValue = "OFF",
            description = "OFF (no creative features), PLANTED (creative_* features with planted effects) or NONE "
                    + "(the features with no effect: the control); with features every model is trained with and "
                    + "without them (default ${DEFAULT-VALUE})")
    Creatives creatives;

    @Option(names = "--scenarios", defaultValue = "200", description = "held-out accounts (default ${DEFAULT-VALUE})")
    int scenarios;

    @Option(names = "--days", defaultValue = "28", description = "scored days per account (default ${DEFAULT-VALUE})")
    int days;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "seed of the scored accounts; the past accounts use a seed derived from it "
                    + "(default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--history-accounts",
            defaultValue = "200",
            description = "simulated past accounts to train on (default ${DEFAULT-VALUE})")
    int historyAccounts;

    @Option(
            names = "--history-days",
            defaultValue = "28",
            description = "days each past account ran (default ${DEFAULT-VALUE})")
    int historyDays;

    @Option(
            names = "--models",
            defaultValue = "BOTH",
            description = "HIERARCHICAL, XGBOOST or BOTH (default ${DEFAULT-VALUE})")
    Models models;

    @Option(
            names = "--out",
            defaultValue = "out/coldstart",
            description =
                    "output directory for results.csv, summary.md and the XGBoost model (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ColdStartBenchmark.Settings settings;
        try {
            settings = new ColdStartBenchmark.Settings(scenarios, days, seed, historyAccounts, historyDays);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        ColdStartBenchmark benchmark =
                new ColdStartBenchmark(new ColdStartScenarioGenerator(creatives.effects()), settings);
        Validation.Settings validation = Validation.Settings.defaults(42);
        List<AttributePriors> priors = new ArrayList<>();
        Files.createDirectories(out);
        List<Boolean> featureSets = creatives == Creatives.OFF ? List.of(false) : List.of(false, true);
        for (boolean withCreatives : featureSets) {
            FeatureTable table = benchmark.trainingTable(withCreatives);
            err.printf(
                    "training data: %s, %d ad sets (%d never delivered, dropped), attributes %s%n",
                    table.window(), table.rows().size(), table.droppedRows(), table.categoricalNames());
            if (models != Models.XGBOOST) {
                priors.add(HierarchicalPriors.train(table, validation, line -> log(err, line)));
            }
            if (models != Models.HIERARCHICAL) {
                Path dir = out.resolve(withCreatives ? "xgboost-creative" : "xgboost");
                priors.add(XgbPriors.train(table, validation, 600, dir, line -> log(err, line)));
            }
        }
        ColdStartReport report = benchmark.run(priors, k -> log(err, "scenario " + k + "/" + scenarios));
        Files.writeString(out.resolve("results.csv"), report.csv(), StandardCharsets.UTF_8);
        String summary = report.markdown();
        if (creatives != Creatives.OFF) {
            summary += "\n" + report.creativeMarkdown();
        }
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        stdout.printf(
                "Cold start: %d held-out accounts x %d days, seed %d, creatives %s; trained on %d past accounts x "
                        + "%d days (seed %d) (%.1f s)%n",
                scenarios,
                days,
                seed,
                creatives,
                historyAccounts,
                historyDays,
                settings.historySeed(),
                (System.nanoTime() - start) / 1e9);
        stdout.print(report.table());
        stdout.printf("wrote %s, %s%n", out.resolve("results.csv"), out.resolve("summary.md"));
        stdout.flush();
        return 0;
    }

    private static void log(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
