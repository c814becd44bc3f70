package io.metasystem.mlcore.ml;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.config.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of training and the model registry ({@code mlcore.ml.*}).
 *
 * @param dataDir          directory the train endpoint may read CSV files from (a request names a file inside it)
 * @param promotionMargin  a challenger replaces the champion automatically only if its held-out Poisson deviance is
 *                         below {@code (1 − margin) ×} the champion's on the same holdout; in [0, 1)
 * @param retrainCron      Spring cron of scheduled retraining; "-" disables it
 * @param retrainCsv       file (inside dataDir) the scheduled retraining trains on
 * @param retrainScope     registry scope of the scheduled retraining
 */
@ConfigurationProperties(prefix = "mlcore.ml")
public record MlProperties(@DefaultValue("data/samples") String dataDir, @DefaultValue("0.01") double promotionMargin,
                           @DefaultValue("-") String retrainCron,
                           @DefaultValue("online_advertising_performance_data.csv") String retrainCsv,
                           @DefaultValue("online_advertising") String retrainScope) {
    public MlProperties {
        if (promotionMargin < 0 || promotionMargin >= 1) {
            throw new InvalidConfigurationException("ML_PROMOTION_MARGIN", "must be in [0, 1), was " + promotionMargin);
        }
        if (retrainCron != null && !retrainCron.isBlank() && !retrainCron.equals("-")) {
            try {
                Schedules.cron(retrainCron);
            } catch (RuntimeException e) {
                throw new InvalidConfigurationException("ML_RETRAIN_CRON",
                        "is not a six-field cron expression (or '-'): '" + retrainCron + "' (" + e.getMessage() + ")");
            }
        }
    }
}
