package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.store.AccountIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Predictions that went into an optimizer prior (table {@code ml_prediction}, V23), kept so that a model's forecasts
 * can be scored against the insights that arrive later ({@link ModelPerformance}). One row per model version, ad
 * set and day: a second optimize call for the same day keeps the first prediction.
 */
@Repository
public class PredictionLog {
    /** Days after the prediction day that its realised insights are compared over. */
    public static final int HORIZON_DAYS = 7;

    private final JdbcClient jdbc;
    private final Clock clock;

    public PredictionLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One logged prediction.
     *
     * @param day      the first day the prediction is for (the day after the history it was made from)
     * @param perSpend predicted conversions per unit of spend
     * @param perClick predicted conversions per click
     */
    public record Entry(
            long modelVersion,
            String accountId,
            String adsetId,
            LocalDate day,
            int horizonDays,
            double perSpend,
            double perClick,
            String recommendationId) {}

    /** Logs the prediction unless one for the same version, ad set and day exists. */
    public void record(
            long version,
            String accountId,
            String adsetId,
            LocalDate day,
            double perSpend,
            double perClick,
            String recommendationId) {
        jdbc.sql("insert into ml_prediction (model_version, account_id, adset_id, prediction_date, horizon_days, "
                        + "conversions_per_spend, conversions_per_click, recommendation_id, "
                        + "created_at) values (:v, :account, "
                        + ":adset, :day, :horizon, :spend, :click, :rec, :now) on conflict do nothing")
                .param("v", version)
                .param("account", AccountIds.canonical(accountId))
                .param("adset", adsetId)
                .param("day", day)
                .param("horizon", HORIZON_DAYS)
                .param("spend", perSpend)
                .param("click", perClick)
                .param("rec", recommendationId)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Predictions of a version for days in {@code [from, to]} (either may be null: unbounded), by day. */
    public List<Entry> list(long version, LocalDate from, LocalDate to) {
        return jdbc.sql("select model_version, account_id, adset_id, prediction_date, horizon_days, "
                        + "conversions_per_spend, "
                        + "conversions_per_click, recommendation_id from ml_prediction where " + "model_version = :v "
                        + "and prediction_date >= :from and prediction_date <= :to order by "
                        + "prediction_date, account_id, adset_id")
                .param("v", version)
                .param("from", from == null ? LocalDate.of(1970, 1, 1) : from)
                .param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .query((rs, n) -> new Entry(
                        rs.getLong("model_version"),
                        rs.getString("account_id"),
                        rs.getString("adset_id"),
                        rs.getObject("prediction_date", LocalDate.class),
                        rs.getInt("horizon_days"),
                        rs.getDouble("conversions_per_spend"),
                        rs.getDouble("conversions_per_click"),
                        rs.getString("recommendation_id")))
                .list();
    }
}
