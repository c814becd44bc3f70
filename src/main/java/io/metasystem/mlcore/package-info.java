/**
 * ML Core: budget recommendations for Meta ad sets. {@code MlCoreApplication} starts the HTTP service, or runs a
 * {@code cli} command when the arguments name one. Each feature package's {@code package-info} says what it owns and
 * what it may use; there are no package cycles, and {@code optimizer} depends on nothing of ours (ArchUnit).
 */
package io.metasystem.mlcore;
