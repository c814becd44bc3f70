/**
 * A synthetic ad market for measuring decisions: seeded scenarios of ad sets with true, hidden response curves
 * ({@code AdMarket}, {@code ScenarioGenerator}, {@code ColdStartScenarioGenerator} with
 * {@code SyntheticAdSetTraits}), reference policies (equal split, proportional, Meta-style rules, Thompson shares,
 * clairvoyant) next to the optimizer's, and the backtest that scores them (docs/simulation.md).
 *
 * <p>Owns: scenarios, policies, the backtest and its report. Every generator is a pure function of its seed; days are
 * inputs (no clock).
 *
 * <p>May use: {@code optimizer}, the JDK and Hipparchus. No Spring, no I/O beyond writing a report the caller asks for.
 */
package io.metasystem.mlcore.simulation;
