package io.metasystem.mlcore.alerts.detect;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One detected deviation. Values are in the metric's unit: currency per day for spend, a fraction for CTR and CVR
 * (0.0105 = 1.05 %), currency per 1,000 impressions for CPM, a count per day for conversions.
 *
 * @param adsetId   ad set
 * @param date      the day it happened; for a level shift or delivery stop the day it started
 * @param metric    the series
 * @param kind      spike, dip, level shift, delivery stop or pacing
 * @param direction up or down
 * @param observed  the day's value (a level shift: the mean over the days that confirmed it)
 * @param expected  the baseline's expectation for that day
 * @param lo        lower end of the predictive interval at the settings' level
 * @param hi        upper end of the predictive interval
 * @param score     one-sided tail probability of a value at least this extreme under the baseline (smaller = stronger)
 * @param reason    a sentence a marketer understands
 */
public record Anomaly(
        String adsetId,
        LocalDate date,
        Metric metric,
        AnomalyKind kind,
        Direction direction,
        double observed,
        double expected,
        double lo,
        double hi,
        double score,
        String reason) {
    public Anomaly {
        Objects.requireNonNull(adsetId, "adsetId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reason, "reason");
    }
}
