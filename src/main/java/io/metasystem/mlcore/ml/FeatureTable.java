package io.metasystem.mlcore.ml;

import java.util.List;
import java.util.function.Predicate;

/**
 * A loaded data set ready for training.
 *
 * @param dataset          short name of the data set ({@code kag} or {@code online_advertising})
 * @param target           name of the target column (conversions)
 * @param categoricalNames categorical features; their order is also the hierarchy of the empirical-Bayes baseline
 * @param numericNames     numeric features (used by the tree model only)
 * @param rows             rows with spend &gt; 0
 * @param droppedRows      rows dropped because their spend was 0 (see {@link Datasets})
 * @param droppedConversions target conversions in the dropped rows
 * @param temporal         true when rows carry a day index (rolling-origin validation applies)
 * @param window           human-readable data window (dates or "no dates")
 * @param sha256           sha256 of the source file
 */
public record FeatureTable(
        String dataset,
        String target,
        List<String> categoricalNames,
        List<String> numericNames,
        List<FeatureRow> rows,
        int droppedRows,
        double droppedConversions,
        boolean temporal,
        String window,
        String sha256) {
    public FeatureTable {
        categoricalNames = List.copyOf(categoricalNames);
        numericNames = List.copyOf(numericNames);
        rows = List.copyOf(rows);
    }

    /** The same table restricted to rows matching {@code keep}. */
    public FeatureTable filter(Predicate<FeatureRow> keep) {
        return withRows(rows.stream().filter(keep).toList());
    }

    public FeatureTable withRows(List<FeatureRow> newRows) {
        return new FeatureTable(
                dataset,
                target,
                categoricalNames,
                numericNames,
                newRows,
                droppedRows,
                droppedConversions,
                temporal,
                window,
                sha256);
    }

    public int maxDay() {
        return rows.stream().mapToInt(FeatureRow::day).max().orElse(-1);
    }
}
