package io.metasystem.mlcore.config;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Alert scans and notifications ({@code ALERTS_*}); see docs/alerts.md. Invalid values stop start-up naming the
 * variable.
 *
 * @param scanCron       six-field Spring cron of the scheduled scan of every account; {@code -}: off
 * @param sensitivity    {@code low}, {@code medium} or {@code high}
 * @param repeatInterval a still-firing, unacknowledged alert is notified again after this long
 * @param lookbackDays   an anomaly dated within this many days of the newest insight day keeps its alert active
 * @param quietDays      a resolved alert stays resolved for this many days before the same fingerprint can fire again
 * @param scanAfterImport scan an account after every import that changed its insights (file import or Meta sync)
 */
@ConfigurationProperties(prefix = "mlcore.alerts")
public record AlertProperties(
        @DefaultValue("-") String scanCron,
        @DefaultValue("medium") String sensitivity,
        @DefaultValue("24h") Duration repeatInterval,
        @DefaultValue("7") int lookbackDays,
        @DefaultValue("3") int quietDays,
        @DefaultValue("true") boolean scanAfterImport) {
    public AlertProperties {
        scanCron = scanCron == null || scanCron.isBlank() ? "-" : scanCron.strip();
        if (!scanCron.equals("-")) {
            try {
                Schedules.cron(scanCron);
            } catch (RuntimeException e) {
                throw new InvalidConfigurationException(
                        "ALERTS_SCAN_CRON",
                        "is not a six-field cron expression (or '-'): '" + scanCron + "' (" + e.getMessage() + ")");
            }
        }
        sensitivity = sensitivity == null || sensitivity.isBlank()
                ? "medium"
                : sensitivity.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("low", "medium", "high").contains(sensitivity)) {
            throw new InvalidConfigurationException(
                    "ALERTS_SENSITIVITY", "must be low, medium or high, was '" + sensitivity + "'");
        }
        if (repeatInterval == null || repeatInterval.isNegative() || repeatInterval.isZero()) {
            throw new InvalidConfigurationException(
                    "ALERTS_REPEAT_INTERVAL", "must be a positive duration such as 24h");
        }
        if (lookbackDays < 1 || lookbackDays > 90) {
            throw new InvalidConfigurationException(
                    "ALERTS_LOOKBACK_DAYS", "must be a whole number of days in [1, 90], was " + lookbackDays);
        }
        if (quietDays < 0 || quietDays > 90) {
            throw new InvalidConfigurationException(
                    "ALERTS_QUIET_DAYS", "must be a whole number of days in [0, 90], was " + quietDays);
        }
    }

    /** Whether the scheduled scan is on. */
    public boolean scheduled() {
        return !scanCron.equals("-");
    }
}
