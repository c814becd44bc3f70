package io.metasystem.mlcore.reporting;

/**
 * An artist's estimated INCREMENTAL streams per Meta conversion (a click-out to Spotify): incremental streams per
 * unit of spend × spend per conversion of the period.
 *
 * @param mean              posterior mean
 * @param standardDeviation from the 90 % interval, (upper − lower) / (2 × 1.645)
 */
public record IncrementalPerConversion(double mean, double standardDeviation) {}
