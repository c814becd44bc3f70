package io.metasystem.mlcore.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hierarchical empirical-Bayes baseline (Gamma–Poisson; Gelman et al., BDA3 ch. 5). The hierarchy is the order of the
 * categorical features: level 0 is the pooled rate, level k groups rows by the first k features (e.g. campaign →
 * campaign×age → campaign×age×gender → campaign×age×gender×interest).
 *
 * <p>At level k a segment's rate has prior {@code Gamma(α_k, α_k/m)} around its parent's posterior mean {@code m}, so
 * its posterior mean is {@code (α_k + C)/(α_k/m + E)} with C conversions on E exposure. {@code α_k}
 * (pseudo-conversions)
 * is estimated by the method of moments over the level's segments: with {@code n_i = m_i E_i},
 * {@code V = (Σ (C_i − n_i)²/n_i − N) / Σ n_i}, {@code α_k = 1/V} clamped to [0.5, 10⁴] (V ≤ 0 → 10⁴). A segment not
 * seen in training falls back to its deepest seen ancestor.
 */
public final class HierarchicalTrainer implements ModelTrainer {
    static final double MIN_ALPHA = 0.5;
    static final double MAX_ALPHA = 1e4;

    @Override
    public String name() {
        return "hierarchical_eb";
    }

    @Override
    public RateModel fit(FeatureTable train, Exposure exposure) {
        int depth = train.categoricalNames().size();
        double c0 = 0;
        double e0 = 0;
        for (FeatureRow r : train.rows()) {
            c0 += r.conversions();
            e0 += r.exposure(exposure);
        }
        if (!(e0 > 0)) {
            throw new IllegalArgumentException("train: no exposure");
        }
        double pooled = Math.max(c0, 0.5) / e0;
        List<Map<String, Double>> levels = new ArrayList<>();
        double[] alphas = new double[depth];
        Map<String, Double> parent = Map.of("", pooled);
        for (int k = 1; k <= depth; k++) {
            Map<String, double[]> agg = new HashMap<>();
            for (FeatureRow r : train.rows()) {
                agg.computeIfAbsent(key(r, k), x -> new double[2]);
                double[] a = agg.get(key(r, k));
                a[0] += r.conversions();
                a[1] += r.exposure(exposure);
            }
            double sumPearson = 0;
            double sumN = 0;
            int count = 0;
            for (var en : agg.entrySet()) {
                double m = parent.get(parentKey(en.getKey()));
                double n = m * en.getValue()[1];
                if (n > 0) {
                    double d = en.getValue()[0] - n;
                    sumPearson += d * d / n;
                    sumN += n;
                    count++;
                }
            }
            double v = sumN > 0 ? (sumPearson - count) / sumN : 0;
            double alpha = v > 0 ? Math.min(MAX_ALPHA, Math.max(MIN_ALPHA, 1 / v)) : MAX_ALPHA;
            alphas[k - 1] = alpha;
            Map<String, Double> level = new HashMap<>();
            for (var en : agg.entrySet()) {
                double m = parent.get(parentKey(en.getKey()));
                level.put(en.getKey(), (alpha + en.getValue()[0]) / (alpha / m + en.getValue()[1]));
            }
            levels.add(level);
            parent = level;
        }
        return new Fitted(pooled, List.copyOf(levels), alphas);
    }

    static String key(FeatureRow r, int k) {
        return String.join("\u001f", r.categorical().subList(0, k));
    }

    private static String parentKey(String key) {
        int i = key.lastIndexOf('\u001f');
        return i < 0 ? "" : key.substring(0, i);
    }

    /** The fitted hierarchy; {@code alphas[k]} is the prior strength of level k+1. */
    record Fitted(double pooled, List<Map<String, Double>> levels, double[] alphas) implements RateModel {
        @Override
        public double rate(FeatureRow row) {
            double rate = pooled;
            for (int k = 1; k <= levels.size(); k++) {
                Double r = levels.get(k - 1).get(key(row, k));
                if (r == null) {
                    break;
                }
                rate = r;
            }
            return rate;
        }
    }
}
