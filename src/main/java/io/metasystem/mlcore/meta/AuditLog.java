package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code meta_audit} table: append-only record of every change asked of Meta. */
@Component
public class AuditLog {
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(AuditEntry e) {
        jdbc.sql("""
                insert into meta_audit (created_at, account_id, recommendation_id, adset_id, idempotency_key, action,
                  before_budget, after_budget, before_status, after_status, currency, requested_by, request, response,
                  outcome, error, dry_run, note)
                values (:created, :account, :rec, :adset, :key, :action, :before, :after, :beforeStatus, :afterStatus,
                  :currency, :by, :request, :response, :outcome, :error, :dryRun, :note)""")
                .param("created", clock.instant().atOffset(ZoneOffset.UTC))
                .param("account", e.accountId())
                .param("rec", e.recommendationId())
                .param("adset", e.adsetId())
                .param("key", e.idempotencyKey())
                .param("action", e.action())
                .param("before", e.beforeBudget())
                .param("after", e.afterBudget())
                .param("beforeStatus", e.beforeStatus())
                .param("afterStatus", e.afterStatus())
                .param("currency", e.currency())
                .param("by", cut(e.requestedBy(), 200))
                .param("request", cut(e.request(), 20000))
                .param("response", cut(e.response(), 20000))
                .param("outcome", e.outcome().value())
                .param("error", cut(e.error(), 4000))
                .param("dryRun", e.dryRun())
                .param("note", cut(e.note(), 500))
                .update();
    }

    /**
     * @param accountId        nullable: all accounts
     * @param recommendationId nullable: all recommendations
     */
    public AuditPage list(String accountId, String recommendationId, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (accountId != null) {
            where.append(" and account_id = :account");
            params.put("account", MetaProperties.bareAccount(accountId));
        }
        if (recommendationId != null) {
            where.append(" and recommendation_id = :rec");
            params.put("rec", recommendationId);
        }
        long total = jdbc.sql("select count(*) from meta_audit" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntry> items = jdbc.sql(
                        "select * from meta_audit" + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(AuditLog::entry)
                .list();
        return new AuditPage(items, page, size, total);
    }

    /**
     * Budget of each ad set before its first live change of the UTC day, for the per-day change limit.
     */
    Map<String, BigDecimal> startOfDayBudgets(List<String> adsetIds, boolean dryRun) {
        Map<String, BigDecimal> out = new HashMap<>();
        if (adsetIds.isEmpty()) {
            return out;
        }
        OffsetDateTime dayStart =
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                select adset_id, before_budget from meta_audit where adset_id in (:ids) and created_at >= :day
                and outcome in (:applied, :recorded) and dry_run = :dryRun and action = 'set_daily_budget'
                order by id""")
                .param("applied", ApplyOutcome.APPLIED.value())
                .param("recorded", ApplyOutcome.DRY_RUN.value())
                .param("ids", adsetIds)
                .param("day", dayStart)
                .param("dryRun", dryRun)
                .query((rs, n) -> {
                    out.putIfAbsent(rs.getString("adset_id"), rs.getBigDecimal("before_budget"));
                    return null;
                })
                .list();
        return out;
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("account_id"),
                rs.getString("recommendation_id"),
                rs.getString("adset_id"),
                rs.getString("idempotency_key"),
                rs.getString("action"),
                rs.getBigDecimal("before_budget"),
                rs.getBigDecimal("after_budget"),
                rs.getString("before_status"),
                rs.getString("after_status"),
                rs.getString("currency"),
                rs.getString("requested_by"),
                rs.getString("request"),
                rs.getString("response"),
                ApplyOutcome.of(rs.getString("outcome")),
                rs.getString("error"),
                rs.getBoolean("dry_run"),
                rs.getString("note"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
