package io.metasystem.mlcore.store;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.metasystem.mlcore.scheduling.ClusteredTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Retention of recommendations ({@code RECOMMENDATION_RETENTION_DAYS}, property
 * {@code mlcore.recommendations.retention-days}, default 90; 0 keeps everything): once an hour, on one replica (the
 * clustered scheduler), deletes recommendations (head row, payload, and the {@code recommendation_adset} lines of rows
 * written before V70) created more than that many days ago, in batches of {@value #BATCH}, each batch in its own
 * transaction. Never deleted: a recommendation that apply ever touched ({@code meta_apply_item}: applied, pending
 * or failed items; {@code meta_audit}: recorded changes), and one whose default outcome window (the
 * {@value #OUTCOME_DAYS} days after the day it was made) is still open, so the cut-off is at least
 * {@value #OUTCOME_DAYS} + 1 days back whatever the setting. See {@code docs/store.md}.
 */
@Component
public class RecommendationRetention implements ClusteredTask {
    static final String TASK = "recommendation-retention";
    static final int BATCH = 500;
    /** The outcome route's default window, in days after the day of the recommendation. */
    static final int OUTCOME_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(RecommendationRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int retentionDays;

    public RecommendationRetention(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${mlcore.recommendations.retention-days:90}") int retentionDays) {
        if (retentionDays < 0) {
            throw new IllegalArgumentException(
                    "RECOMMENDATION_RETENTION_DAYS must be 0 (keep everything) or a number of days, was "
                            + retentionDays);
        }
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Days kept; 0: everything. */
    public int retentionDays() {
        return retentionDays;
    }

    /**
     * Deletes what the retention rule allows, {@value #BATCH} recommendations per transaction.
     *
     * @return the number of recommendations deleted (0 when retention is off)
     */
    public int prune() {
        return prune(BATCH);
    }

    /** {@link #prune()} with another batch size (at least 1). */
    int prune(int batch) {
        if (retentionDays == 0) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minusDays(Math.max(retentionDays, OUTCOME_DAYS + 1));
        int deleted = 0;
        while (true) {
            Integer n = transactions.execute(status -> deleteBatch(cutoff, batch));
            deleted += n == null ? 0 : n;
            if (n == null || n < batch) {
                break;
            }
        }
        if (deleted > 0) {
            log.info("Retention: deleted {} recommendation(s) created before {}", deleted, cutoff);
        }
        return deleted;
    }

    private int deleteBatch(OffsetDateTime cutoff, int batch) {
        List<String> ids = jdbc.sql("select r.id from recommendation r where r.created_at < :cutoff "
                        + "and not exists (select 1 from meta_apply_item i where i.recommendation_id = r.id) "
                        + "and not exists (select 1 from meta_audit a where a.recommendation_id = r.id) "
                        + "order by r.created_at, r.id limit :batch")
                .param("cutoff", cutoff)
                .param("batch", batch)
                .query(String.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("delete from recommendation_adset where recommendation_id in (:ids)")
                .param("ids", ids)
                .update();
        return jdbc.sql("delete from recommendation where id in (:ids)")
                .param("ids", ids)
                .update();
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        if (retentionDays == 0) {
            return Optional.empty();
        }
        return Optional.of(
                Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> prune()));
    }
}
