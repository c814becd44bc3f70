package io.metasystem.mlcore.alerts.detect;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to check and how strictly.
 *
 * @param sensitivity evidence an anomaly needs
 * @param metrics     metrics to check (delivery stop and pacing come with {@link Metric#SPEND})
 * @param from        nullable: report anomalies dated on or after this day only (earlier days still form the baseline)
 * @param to          nullable: report anomalies dated on or before this day only
 * @param level       coverage of the reported interval, in (0, 1), 0.9 by default
 */
public record DetectionSettings(
        Sensitivity sensitivity, Set<Metric> metrics, LocalDate from, LocalDate to, double level) {
    /** @throws IllegalArgumentException when no metric is given or the level is outside (0, 1) */
    public DetectionSettings {
        Objects.requireNonNull(sensitivity, "sensitivity");
        if (metrics == null || metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must name at least one metric");
        }
        metrics = Set.copyOf(EnumSet.copyOf(metrics));
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
    }

    /** Medium sensitivity, the default metrics, every day, 90 % intervals. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(Sensitivity.MEDIUM, Metric.defaults(), null, null, 0.9);
    }

    public DetectionSettings withSensitivity(Sensitivity s) {
        return new DetectionSettings(s, metrics, from, to, level);
    }

    public DetectionSettings withRange(LocalDate from, LocalDate to) {
        return new DetectionSettings(sensitivity, metrics, from, to, level);
    }

    boolean reports(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
