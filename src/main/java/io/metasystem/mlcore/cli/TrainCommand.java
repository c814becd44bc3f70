package io.metasystem.mlcore.cli;

import io.metasystem.mlcore.ml.Datasets;
import io.metasystem.mlcore.ml.FeatureTable;
import io.metasystem.mlcore.ml.Reports;
import io.metasystem.mlcore.ml.Training;
import io.metasystem.mlcore.ml.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code train}: validates the models on a public data set, fits the tree model and writes artifact and report. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train and validate conversion-rate models (global mean, hierarchical EB, XGBoost Poisson) on a "
                + "CSV of data/samples/; writes model.json, provenance.json, report.md, report.json, calibration.png.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--csv",
            required = true,
            description = "kag_conversion_data.csv or online_advertising_performance_data.csv")
    Path csv;

    @Option(names = "--report", defaultValue = "out/ml", description = "output directory (default ${DEFAULT-VALUE})")
    Path report;

    @Option(
            names = "--target",
            defaultValue = "APPROVED",
            description = "kag only: APPROVED or TOTAL conversions (default ${DEFAULT-VALUE})")
    Datasets.KagTarget target;

    @Option(names = "--seed", defaultValue = "42", description = "seed of folds and models (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--folds",
            defaultValue = "5",
            description = "grouped k-fold, undated data (default ${DEFAULT-VALUE})")
    int folds;

    @Option(
            names = "--origins",
            defaultValue = "6",
            description = "rolling origins, dated data (default ${DEFAULT-VALUE})")
    int origins;

    @Option(
            names = "--min-conversions",
            defaultValue = "3",
            description = "units with at least this many conversions enter the CPA MAE (default ${DEFAULT-VALUE})")
    double minConversions;

    @Option(names = "--cold-start", description = "dated data: also hold the scored segments out of training")
    boolean coldStart;

    @Option(
            names = "--max-rounds",
            defaultValue = "600",
            description = "upper bound of boosting rounds (default ${DEFAULT-VALUE})")
    int maxRounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isRegularFile(csv)) {
            err.println("--csv: no such file: " + csv);
            return 2;
        }
        Validation.Settings settings;
        try {
            settings = new Validation.Settings(folds, origins, 7, minConversions, seed, coldStart);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        FeatureTable table = Datasets.load(csv, target);
        err.printf(
                "loaded %s: %d rows (%d zero-spend rows dropped)%n",
                table.dataset(), table.rows().size(), table.droppedRows());
        Training.Outcome outcome = Training.run(table, settings, maxRounds, report, line -> {
            err.println(line);
            err.flush();
        });
        stdout.print(Reports.table(outcome.validation()));
        stdout.printf(
                "model %s (prior weight %.1f pseudo-conversions), %.1f s%n",
                outcome.artifact().modelId(), outcome.artifact().priorWeight(), (System.nanoTime() - start) / 1e9);
        stdout.printf("wrote %s%n", report.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
    }
}
