package io.metasystem.mlcore.ml;

/** Fits a {@link RateModel} on training rows; deterministic for a given table, exposure and seed. */
interface ModelTrainer {
    /** Short name used in reports ({@code global_mean}, {@code hierarchical_eb}, {@code xgboost_poisson}). */
    String name();

    /**
     * @param train rows to fit on; rows with zero exposure are ignored
     * @throws IllegalArgumentException if no row has exposure and conversions
     */
    RateModel fit(FeatureTable train, Exposure exposure);
}
