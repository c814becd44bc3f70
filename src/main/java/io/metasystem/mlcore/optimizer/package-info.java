/**
 * The budget engine, pure math: Gamma–Poisson posteriors with pooled priors, saturating response curves fitted per
 * ad set, allocation by water-filling under budget bounds and change caps, Thompson-sampling exploration, early-stop
 * rules, Monte Carlo summaries and the explanation sentences of every decision ({@code BudgetOptimizer} is the entry
 * point; docs/optimization-mandate.md).
 *
 * <p>Owns: the optimizer's input ({@code OptimizationProblem}, {@code AdSetInput}, {@code DailyMetrics},
 * {@code Prior}, {@code OptimizerSettings}), its result ({@code OptimizationResult}) and every stage between them.
 * Money is in the account currency per day, conversions per day; dates are inputs (no clock).
 *
 * <p>May use: the JDK and Hipparchus only. No Spring, no I/O, no clock, no other package of ours (an ArchUnit rule
 * enforces it); every iterative method has an explicit iteration and tolerance budget.
 */
package io.metasystem.mlcore.optimizer;
