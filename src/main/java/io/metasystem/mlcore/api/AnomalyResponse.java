package io.metasystem.mlcore.api;

import io.metasystem.mlcore.alerts.detect.Anomaly;
import io.metasystem.mlcore.alerts.detect.DetectionResult;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Answer of the anomaly routes.
 *
 * @param anomalies     by ad set, then date
 * @param seriesChecked (ad set, metric) series with enough history to be checked
 * @param warmUpDays    the first this many days of each series only form the baseline
 * @param from          first reported day, null: every day after the warm-up
 * @param to            last reported day, null: the last posted day
 */
@Schema(name = "AnomalyResponse")
public record AnomalyResponse(
        List<Item> anomalies,
        int seriesChecked,
        List<String> warnings,
        String sensitivity,
        int warmUpDays,
        LocalDate from,
        LocalDate to) {

    /** One anomaly; values in the metric's unit (CTR and CVR as fractions). */
    @Schema(name = "Anomaly")
    public record Item(
            String adsetId,
            LocalDate date,
            @Schema(example = "ctr") String metric,

            @Schema(allowableValues = {"spike", "dip", "level_shift", "delivery_stop", "pacing"})
            String kind,

            @Schema(allowableValues = {"up", "down"}) String direction,
            double observed,
            double expected,

            @Schema(description = "[lo, hi], 90 % predictive interval")
            List<Double> interval,

            @Schema(description = "One-sided tail probability under the baseline (smaller = stronger)")
            double score,

            String reason) {
        static Item of(Anomaly a) {
            return new Item(
                    a.adsetId(),
                    a.date(),
                    a.metric().wireName(),
                    a.kind().wireName(),
                    a.direction().wireName(),
                    round(a.observed()),
                    round(a.expected()),
                    List.of(round(a.lo()), round(a.hi())),
                    a.score() < 1e-12 ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.3g", a.score())),
                    a.reason());
        }
    }

    static AnomalyResponse of(DetectionResult r, String sensitivity, int warmUp, LocalDate from, LocalDate to) {
        return new AnomalyResponse(
                r.anomalies().stream().map(Item::of).toList(),
                r.seriesChecked(),
                r.warnings(),
                sensitivity,
                warmUp,
                from,
                to);
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : 0;
    }
}
