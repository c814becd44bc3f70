/**
 * Pure anomaly detectors for daily ad-set series: records in, records out; no Spring, no I/O, no clock, deterministic.
 * <p>
 * Owns: {@link io.metasystem.mlcore.alerts.detect.AnomalyDetector} and its value types ({@code Anomaly},
 * {@code SeriesInput}, {@code DayRow}, {@code Metric}, {@code AnomalyKind}, {@code Direction}, {@code Sensitivity}).
 * May use: the JDK, Hipparchus and {@code optimizer.Distributions} (normal quantile/CDF), nothing else of ours and no
 * framework.
 * <p>
 * Methods (see {@link io.metasystem.mlcore.alerts.detect.AnomalyDetector}): count-aware posterior-predictive
 * intervals (Beta–Binomial for CTR and CVR, Gamma–Poisson for conversions per unit of spend) against a robust
 * day-of-week-aware baseline of the trailing days; robust z-scores (median/MAD on the log scale) for spend and CPM;
 * sustained changes by a short-window Stouffer/CUSUM-style confirmation (Page 1954; Adams &amp; MacKay 2007,
 * arXiv:0710.3742, for the reset-on-change idea); delivery stop and pacing rules.
 */
package io.metasystem.mlcore.alerts.detect;
