/**
 * Models that give the optimizer priors for new ad sets: data sets from CSV or from stored insights
 * ({@code Datasets}, {@code StoreDatasets}; one feature function for training and serving), leakage-free validation
 * ({@code Validation}: rolling origin, grouped k-fold), training of XGBoost Poisson rate models and references
 * ({@code Training}), saved artifacts with provenance ({@code ModelArtifact}, {@code Provenance}; golden-file tests
 * keep old artifacts loading), the registry with champion/challenger promotion ({@code ModelRegistry}), training jobs,
 * scheduled retraining, the prediction log and live performance (docs/ml.md).
 *
 * <p>Owns: {@code ml_model}, {@code ml_job}, {@code ml_prediction}. Artifacts and provenance are stored through
 * {@code store.StoredJson} (Java property names); the API answers provenance in {@code snake_case}.
 *
 * <p>May use: {@code store}, {@code optimizer} (priors), {@code scheduling}, {@code config}, {@code errors}, XGBoost4J,
 * Commons CSV, Spring JDBC.
 */
package io.metasystem.mlcore.ml;
