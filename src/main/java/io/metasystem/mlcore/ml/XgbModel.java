package io.metasystem.mlcore.ml;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted XGBoost {@code count:poisson} booster trained with log(exposure) + {@link #marginOffset()} as base margin:
 * with base margin = the offset it predicts conversions per unit of exposure. Boosters of artifact format 1 were
 * trained without an offset (0).
 */
final class XgbModel implements RateModel {
    private final Booster booster;
    private final FeatureEncoder encoder;
    private final int rounds;
    private final double marginOffset;

    XgbModel(Booster booster, FeatureEncoder encoder, int rounds, double marginOffset) {
        if (!Double.isFinite(marginOffset)) {
            throw new IllegalArgumentException("marginOffset must be finite, was " + marginOffset);
        }
        this.booster = booster;
        this.encoder = encoder;
        this.rounds = rounds;
        this.marginOffset = marginOffset;
    }

    /** Loads a booster saved with {@link #boosterBytes()}, trained with base margin log(exposure) + marginOffset. */
    static XgbModel load(byte[] ubj, FeatureEncoder encoder, int rounds, double marginOffset) {
        try {
            return new XgbModel(XGBoost.loadModel(ubj), encoder, rounds, marginOffset);
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("model: cannot load XGBoost booster: " + e.getMessage(), e);
        }
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    public int rounds() {
        return rounds;
    }

    /** The training rows' global log rate added to log(exposure) in the base margin (0 for format-1 boosters). */
    public double marginOffset() {
        return marginOffset;
    }

    /** The booster in XGBoost's UBJSON format. */
    public byte[] boosterBytes() {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public double rate(FeatureRow row) {
        return rates(List.of(row))[0];
    }

    /** Rates of many rows in one native call. */
    public double[] rates(List<FeatureRow> rows) {
        if (rows.isEmpty()) {
            return new double[0];
        }
        DMatrix m = null;
        try {
            m = new DMatrix(encoder.encode(rows), rows.size(), encoder.width(), Float.NaN);
            float[] margin = new float[rows.size()];
            Arrays.fill(margin, (float) marginOffset);
            m.setBaseMargin(margin);
            float[][] p = booster.predict(m);
            return Arrays.stream(p).mapToDouble(v -> Math.max(v[0], 1e-12)).toArray();
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost prediction failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }
}
