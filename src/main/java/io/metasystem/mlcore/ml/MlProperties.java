package io.metasystem.mlcore.ml;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.config.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Locale;

/**
 * Settings of training and the model registry ({@code mlcore.ml.*}).
 *
 * @param dataDir          directory the train endpoint may read CSV files from (a request names a file inside it)
 * @param promotionMargin  a challenger replaces the champion automatically only if its held-out Poisson deviance is
 *                         below {@code (1 − margin) ×} the champion's on the same holdout; in [0, 1)
 * @param retrainCron      Spring cron of scheduled retraining; "-" disables it
 * @param retrainCsv       file (inside dataDir) the scheduled retraining trains on ({@code csv} source)
 * @param retrainScope     registry scope of the scheduled retraining
 * @param retrainSource    {@code csv} (default: retrainCsv) or {@code store} (the last 90 days of stored insights)
 * @param retrainAccount   {@code store} source only: the account to train on; blank = every account
 * @param defaultScope     scope whose champion the optimize endpoints use by default when neither the request's
 *                         {@code model_scope} nor {@code account:<id>} has one; blank = none
 * @param maxRounds        upper bound of XGBoost boosting rounds of a training job (early stopping picks fewer)
 */
@ConfigurationProperties(prefix = "mlcore.ml")
public record MlProperties(
        @DefaultValue("data/samples") String dataDir,
        @DefaultValue("0.01") double promotionMargin,
        @DefaultValue("-") String retrainCron,

        @DefaultValue("online_advertising_performance_data.csv")
        String retrainCsv,

        @DefaultValue("online_advertising") String retrainScope,
        @DefaultValue("csv") String retrainSource,
        @DefaultValue("") String retrainAccount,
        @DefaultValue("") String defaultScope,
        @DefaultValue("600") int maxRounds) {
    public MlProperties {
        if (promotionMargin < 0 || promotionMargin >= 1) {
            throw new InvalidConfigurationException("ML_PROMOTION_MARGIN", "must be in [0, 1), was " + promotionMargin);
        }
        if (retrainCron != null && !retrainCron.isBlank() && !retrainCron.equals("-")) {
            try {
                Schedules.cron(retrainCron);
            } catch (RuntimeException e) {
                throw new InvalidConfigurationException(
                        "ML_RETRAIN_CRON",
                        "is not a six-field cron expression (or '-'): '" + retrainCron + "' (" + e.getMessage() + ")");
            }
        }
        retrainSource = retrainSource == null || retrainSource.isBlank()
                ? "csv"
                : retrainSource.strip().toLowerCase(Locale.ROOT);
        if (!retrainSource.equals("csv") && !retrainSource.equals("store")) {
            throw new InvalidConfigurationException(
                    "ML_RETRAIN_SOURCE", "must be csv or store, was '" + retrainSource + "'");
        }
        retrainAccount = retrainAccount == null || retrainAccount.isBlank() ? null : retrainAccount.strip();
        defaultScope = defaultScope == null || defaultScope.isBlank() ? null : defaultScope.strip();
        if (maxRounds < 1 || maxRounds > 5000) {
            throw new InvalidConfigurationException("ML_MAX_ROUNDS", "must be between 1 and 5000, was " + maxRounds);
        }
    }
}
