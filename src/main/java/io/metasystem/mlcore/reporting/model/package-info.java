/**
 * The pure core of attribution (records in, records out; no Spring, I/O or clock; deterministic given a seed):
 * geometric adstock ({@link io.metasystem.mlcore.reporting.model.Adstock}), the conjugate normal–inverse-gamma
 * regression ({@link io.metasystem.mlcore.reporting.model.ConjugateRegression}), the Bayesian distributed-lag model
 * over a grid of decays ({@link io.metasystem.mlcore.reporting.model.DistributedLag}), and the simulator and benchmark
 * that measure it ({@link io.metasystem.mlcore.reporting.model.ArtistSimulator},
 * {@link io.metasystem.mlcore.reporting.model.AttributionBenchmark}). May use: the JDK only.
 */
package io.metasystem.mlcore.reporting.model;
