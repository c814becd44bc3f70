/**
 * Benchmarks across packages, above all the cold-start benchmark: new ad sets launched mid-flight in synthetic
 * accounts, decided with no prior, hierarchical (empirical-Bayes) attribute priors or XGBoost model priors, scored
 * as paired differences over seeds ({@code ColdStartBenchmark}, {@code ColdStartReport}; docs/benchmarks.md §4).
 *
 * <p>Owns: prior sources for simulated ad sets, training rows built from simulated history, the paired statistics
 * and the benchmark report.
 *
 * <p>May use: {@code simulation}, {@code ml}, {@code optimizer}, the JDK and Hipparchus. No Spring and no database.
 */
package io.metasystem.mlcore.evaluation;
