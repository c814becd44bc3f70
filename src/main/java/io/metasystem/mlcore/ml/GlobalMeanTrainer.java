package io.metasystem.mlcore.ml;

/** The floor reference: one pooled rate, sum of conversions / sum of exposure. */
final class GlobalMeanTrainer implements ModelTrainer {
    @Override
    public String name() {
        return "global_mean";
    }

    @Override
    public RateModel fit(FeatureTable train, Exposure exposure) {
        double c = 0;
        double e = 0;
        for (FeatureRow r : train.rows()) {
            c += r.conversions();
            e += r.exposure(exposure);
        }
        if (!(e > 0)) {
            throw new IllegalArgumentException("train: no exposure");
        }
        double rate = Math.max(c, 0.5) / e;
        return row -> rate;
    }
}
