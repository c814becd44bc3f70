package io.metasystem.mlcore.config;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the Meta sync reads insights and when it runs by itself ({@code META_ASYNC_*}, {@code META_SYNC_*}); see
 * docs/meta.md. Invalid values stop start-up naming the variable.
 *
 * @param asyncInsightsDays ranges longer than this many days use an async report run; 0: always synchronous calls
 *                          (async remains the fallback when Meta asks for less data)
 * @param asyncPollInterval first wait between polls of a report run, doubled up to one minute
 * @param asyncTimeout      longest wait for one report run
 * @param cron              six-field Spring cron of the scheduled sync; {@code -}: off
 * @param accounts          ad accounts the scheduled sync reads (bare ids, without {@code act_})
 * @param days              the scheduled sync reads the last this many days, ending yesterday (UTC)
 */
@ConfigurationProperties(prefix = "mlcore.meta.sync")
public record MetaSyncProperties(
        @DefaultValue("31") int asyncInsightsDays,
        @DefaultValue("5s") Duration asyncPollInterval,
        @DefaultValue("30m") Duration asyncTimeout,
        @DefaultValue("-") String cron,
        @DefaultValue("") List<String> accounts,
        @DefaultValue("3") int days) {
    private static final String ACCOUNT = "(act_)?[0-9A-Za-z_-]{1,64}";

    public MetaSyncProperties {
        if (asyncInsightsDays < 0 || asyncInsightsDays > 1125) {
            throw new InvalidConfigurationException(
                    "META_ASYNC_INSIGHTS_DAYS",
                    "must be a whole number of days in [0, 1125] (0 = always synchronous), was " + asyncInsightsDays);
        }
        if (asyncPollInterval == null || asyncPollInterval.isNegative() || asyncPollInterval.isZero()) {
            throw new InvalidConfigurationException(
                    "META_ASYNC_POLL_INTERVAL", "must be a positive duration such as 5s");
        }
        if (asyncTimeout == null || asyncTimeout.compareTo(asyncPollInterval) < 0) {
            throw new InvalidConfigurationException(
                    "META_ASYNC_TIMEOUT", "must be a duration not shorter than META_ASYNC_POLL_INTERVAL, such as 30m");
        }
        cron = cron == null || cron.isBlank() ? "-" : cron.strip();
        if (!cron.equals("-")) {
            try {
                Schedules.cron(cron);
            } catch (RuntimeException e) {
                throw new InvalidConfigurationException(
                        "META_SYNC_CRON",
                        "is not a six-field cron expression (or '-'): '" + cron + "' (" + e.getMessage() + ")");
            }
        }
        List<String> ids = accounts == null
                ? List.of()
                : accounts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String id : ids) {
            if (!id.matches(ACCOUNT)) {
                throw new InvalidConfigurationException(
                        "META_SYNC_ACCOUNTS",
                        "must be comma-separated ad account ids such as act_1234567890, got '" + id + "'");
            }
        }
        accounts = ids.stream().map(MetaProperties::bareAccount).distinct().toList();
        if (!cron.equals("-") && accounts.isEmpty()) {
            throw new InvalidConfigurationException(
                    "META_SYNC_ACCOUNTS", "is required when META_SYNC_CRON is set (or set META_AD_ACCOUNT_ID)");
        }
        if (days < 1 || days > 1125) {
            throw new InvalidConfigurationException(
                    "META_SYNC_DAYS", "must be a whole number of days in [1, 1125], was " + days);
        }
    }

    /** {@code true} when a cron is configured. */
    public boolean scheduled() {
        return !cron.equals("-");
    }
}
