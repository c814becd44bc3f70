package io.metasystem.mlcore.alerts.detect;

import java.util.List;

/**
 * @param anomalies     by ad set (input order), then date, then metric
 * @param seriesChecked (ad set, metric) series with enough history to be checked
 * @param warnings      sentences about ad sets or metrics that could not be checked (too little history, no data)
 */
public record DetectionResult(List<Anomaly> anomalies, int seriesChecked, List<String> warnings) {
    public DetectionResult {
        anomalies = List.copyOf(anomalies);
        warnings = List.copyOf(warnings);
    }
}
