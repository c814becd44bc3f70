package io.metasystem.mlcore.ml;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gradient-boosted trees (Chen &amp; Guestrin 2016, XGBoost) with objective {@code count:poisson} and base margin
 * log(exposure) + {@link #marginOffset}, so the trees model log(conversions per unit of exposure) relative to the
 * training rows' global rate. Deterministic: fixed seed, one thread.
 *
 * <p>Why the offset: a base margin overrides XGBoost's {@code base_score}, so with log(exposure) alone the trees
 * start from 1 conversion per unit of exposure (kag: 58× the real rate per currency unit) and spend their first
 * hundreds of rounds (eta 0.05, max_delta_step 0.7) moving the intercept; a small round budget then over-predicts
 * several-fold. Starting from the global log rate, the rounds go to structure.
 *
 * <p>The number of rounds is chosen without looking at the test data: an inner holdout of the training rows (the last
 * 7 days when the table has dates, else one group-fold in five) picks the round with the lowest Poisson negative
 * log-likelihood (patience {@link #PATIENCE}), then the model is refit on all training rows with that many rounds.
 */
final class XgbTrainer implements ModelTrainer {
    static final int PATIENCE = 30;
    /**
     * Pseudo-count of conversions for {@link #marginOffset} when the training rows have none, so the offset stays
     * finite (log 0); half a conversion is below any observed total and is soon overridden by the trees.
     */
    static final double ZERO_CONVERSIONS_PSEUDO_COUNT = 0.5;

    private final long seed;
    private final int maxRounds;
    private final Integer fixedRounds;

    /**
     * @param seed        XGBoost seed
     * @param maxRounds   upper bound of boosting rounds for the inner early stopping
     * @param fixedRounds if not null, skip early stopping and train exactly this many rounds
     */
    public XgbTrainer(long seed, int maxRounds, Integer fixedRounds) {
        if (maxRounds < 1 || (fixedRounds != null && fixedRounds < 1)) {
            throw new IllegalArgumentException("rounds must be >= 1");
        }
        this.seed = seed;
        this.maxRounds = maxRounds;
        this.fixedRounds = fixedRounds;
    }

    @Override
    public String name() {
        return "xgboost_poisson";
    }

    /** XGBoost parameters (also recorded in the provenance). */
    public Map<String, Object> params() {
        Map<String, Object> p = new TreeMap<>();
        p.put("objective", "count:poisson");
        p.put("eta", 0.05);
        p.put("max_depth", 4);
        p.put("min_child_weight", 2.0);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.8);
        p.put("lambda", 1.0);
        p.put("max_delta_step", 0.7);
        p.put("tree_method", "hist");
        p.put("nthread", 1);
        p.put("seed", seed);
        p.put("eval_metric", "poisson-nloglik");
        return p;
    }

    @Override
    public XgbModel fit(FeatureTable train, Exposure exposure) {
        FeatureTable usable = train.filter(r -> r.exposure(exposure) > 0);
        if (usable.rows().isEmpty()) {
            throw new IllegalArgumentException("train: no row with exposure");
        }
        FeatureEncoder encoder = FeatureEncoder.fit(usable);
        int rounds = fixedRounds != null ? fixedRounds : chooseRounds(usable, encoder, exposure);
        double offset = marginOffset(usable.rows(), exposure);
        return new XgbModel(
                train(usable.rows(), encoder, exposure, offset, rounds, null, null), encoder, rounds, offset);
    }

    /**
     * log(Σ conversions / Σ exposure) of the rows (rows with exposure only), the global log rate the trees start
     * from; zero conversions count as {@link #ZERO_CONVERSIONS_PSEUDO_COUNT}.
     */
    static double marginOffset(List<FeatureRow> rows, Exposure exposure) {
        double conversions = 0;
        double units = 0;
        for (FeatureRow r : rows) {
            double e = r.exposure(exposure);
            if (e > 0) {
                conversions += r.conversions();
                units += e;
            }
        }
        if (!(units > 0)) {
            throw new IllegalArgumentException("train: no row with exposure");
        }
        return Math.log(Math.max(conversions, ZERO_CONVERSIONS_PSEUDO_COUNT) / units);
    }

    private int chooseRounds(FeatureTable table, FeatureEncoder encoder, Exposure exposure) {
        List<FeatureRow> inner = new ArrayList<>();
        List<FeatureRow> holdout = new ArrayList<>();
        int maxDay = table.maxDay();
        for (FeatureRow r : table.rows()) {
            boolean out = table.temporal()
                    ? r.day() > maxDay - 7
                    : Math.floorMod(Validation.mix(r.group().hashCode(), seed ^ 0x5DEECE66DL), 5) == 0;
            (out ? holdout : inner).add(r);
        }
        if (inner.isEmpty() || holdout.isEmpty()) {
            return Math.min(maxRounds, 200);
        }
        float[][] metrics = new float[2][maxRounds];
        double offset = marginOffset(inner, exposure); // of the inner rows only: the holdout stays unseen
        DMatrix hold = null;
        try {
            hold = matrix(holdout, encoder, exposure, offset);
            train(inner, encoder, exposure, offset, maxRounds, Map.of("holdout", hold), metrics);
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        } finally {
            if (hold != null) {
                hold.dispose();
            }
        }
        int best = 0;
        for (int i = 0; i < maxRounds; i++) {
            if (metrics[0][i] == 0f && i > 0) {
                break; // stopped early
            }
            if (metrics[0][i] < metrics[0][best]) {
                best = i;
            }
        }
        return best + 1;
    }

    /**
     * The training parameters without XGBoost4J's per-round evaluation lines on stderr (thousands per run, drowning
     * the progress lines): {@code verbose_eval=false} is read by XGBoost4J itself, {@code verbosity=0} keeps the
     * native library from warning that it does not use it. Neither is part of the model nor of {@link #params()}
     * (the saved model is byte-identical with and without them).
     */
    private static Map<String, Object> quiet(Map<String, Object> params) {
        Map<String, Object> p = new TreeMap<>(params);
        p.put("verbose_eval", "false");
        p.put("verbosity", 0);
        return p;
    }

    private Booster train(
            List<FeatureRow> rows,
            FeatureEncoder encoder,
            Exposure exposure,
            double offset,
            int rounds,
            Map<String, DMatrix> watches,
            float[][] metrics) {
        DMatrix d = null;
        try {
            d = matrix(rows, encoder, exposure, offset);
            if (watches == null) {
                return XGBoost.train(d, quiet(params()), rounds, new LinkedHashMap<>(), null, null);
            }
            return XGBoost.train(
                    d, quiet(params()), rounds, new LinkedHashMap<>(watches), metrics, null, null, PATIENCE);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
        } finally {
            if (d != null) {
                d.dispose();
            }
        }
    }

    private static DMatrix matrix(List<FeatureRow> rows, FeatureEncoder encoder, Exposure exposure, double offset)
            throws XGBoostError {
        DMatrix d = new DMatrix(encoder.encode(rows), rows.size(), encoder.width(), Float.NaN);
        float[] label = new float[rows.size()];
        float[] margin = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            label[i] = (float) rows.get(i).conversions();
            margin[i] = (float) (Math.log(rows.get(i).exposure(exposure)) + offset);
        }
        d.setLabel(label);
        d.setBaseMargin(margin);
        return d;
    }
}
