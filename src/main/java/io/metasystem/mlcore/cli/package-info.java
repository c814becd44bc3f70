/**
 * Picocli commands for offline work, run as {@code java -jar ml-core.jar <command>}: {@code backtest} (policies on
 * the synthetic market), {@code train} (a model from a CSV, with provenance and reports) and {@code coldstart} (the
 * cold-start benchmark); {@code MlCoreCli} is the entry point.
 *
 * <p>May use: {@code simulation}, {@code evaluation}, {@code ml}, {@code optimizer} and picocli; never {@code api}.
 * No Spring context is started.
 */
package io.metasystem.mlcore.cli;
