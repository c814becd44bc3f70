package io.metasystem.mlcore.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Dense encoding for the tree model: one indicator column per categorical level seen in training (an unseen level
 * encodes as all zeros), then the numeric features as they are ({@code NaN} = missing, which XGBoost routes by its
 * learned default direction).
 *
 * @param categoricalNames names of the categorical features
 * @param vocabulary       sorted levels per categorical feature
 * @param numericNames     names of the numeric features
 * @param numericDefaults  training medians of the numeric features, used for a prior when an attribute is not given
 */
record FeatureEncoder(
        List<String> categoricalNames,
        List<List<String>> vocabulary,
        List<String> numericNames,
        List<Double> numericDefaults) {
    public FeatureEncoder {
        categoricalNames = List.copyOf(categoricalNames);
        vocabulary = vocabulary.stream().map(List::copyOf).toList();
        numericNames = List.copyOf(numericNames);
        numericDefaults = List.copyOf(numericDefaults);
        if (numericDefaults.size() != numericNames.size()) {
            throw new IllegalArgumentException(
                    "numericDefaults: expected " + numericNames.size() + " values, was " + numericDefaults.size());
        }
    }

    static FeatureEncoder fit(FeatureTable table) {
        List<List<String>> vocab = new ArrayList<>();
        for (int j = 0; j < table.categoricalNames().size(); j++) {
            TreeSet<String> levels = new TreeSet<>();
            for (FeatureRow r : table.rows()) {
                levels.add(r.categorical().get(j));
            }
            vocab.add(List.copyOf(levels));
        }
        List<Double> medians = new ArrayList<>();
        for (int j = 0; j < table.numericNames().size(); j++) {
            int col = j;
            double[] v = table.rows().stream()
                    .mapToDouble(r -> r.numeric()[col])
                    .filter(Double::isFinite)
                    .sorted()
                    .toArray();
            medians.add(v.length == 0 ? 0.0 : v[v.length / 2]);
        }
        return new FeatureEncoder(table.categoricalNames(), vocab, table.numericNames(), medians);
    }

    public int width() {
        return vocabulary.stream().mapToInt(List::size).sum() + numericNames.size();
    }

    /** Names of the encoded columns, e.g. {@code age=30-34}. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < categoricalNames.size(); j++) {
            for (String level : vocabulary.get(j)) {
                names.add(categoricalNames.get(j) + "=" + level);
            }
        }
        names.addAll(numericNames);
        return names;
    }

    /** Row-major dense matrix of the rows. */
    float[] encode(List<FeatureRow> rows) {
        int w = width();
        float[] x = new float[rows.size() * w];
        for (int i = 0; i < rows.size(); i++) {
            FeatureRow r = rows.get(i);
            int offset = i * w;
            for (int j = 0; j < categoricalNames.size(); j++) {
                List<String> levels = vocabulary.get(j);
                int idx = Collections.binarySearch(levels, r.categorical().get(j));
                if (idx >= 0) {
                    x[offset + idx] = 1f;
                }
                offset += levels.size();
            }
            for (int j = 0; j < numericNames.size(); j++) {
                x[offset + j] = j < r.numeric().length ? (float) r.numeric()[j] : Float.NaN;
            }
        }
        return x;
    }
}
