package io.metasystem.mlcore.alerts;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code alert} and {@code alert_silence} tables (migration V40). */
@Repository
class AlertStore {
    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises scans of one account (a row lock on the account, as the importer takes). */
    void lockAccount(String accountId) {
        jdbc.sql("select id from ad_account where id = :id for update")
                .param("id", accountId)
                .query(String.class)
                .optional();
    }

    void insert(Alert a) {
        jdbc.sql("""
                        insert into alert (id, fingerprint, account_id, adset_id, metric, kind, state, direction,
                        anomaly_date, observed, expected, interval_lo, interval_hi, score, reason, started_at, fired_at,
                        resolved_at, acknowledged_at, acknowledged_by, last_seen_at, last_notified_at, updated_at)
                        values (:id, :fingerprint, :account, :adset, :metric, :kind, :state, :direction, :date,
                        :observed, :expected, :lo, :hi, :score, :reason, :started, :fired, :resolved, :acked, :ackedBy,
                        :seen, :notified, :seen)""")
                .param("id", a.id())
                .param("fingerprint", a.fingerprint())
                .param("account", a.accountId())
                .param("adset", a.adsetId())
                .param("metric", a.metric())
                .param("kind", a.kind())
                .param("started", a.startedAt())
                .params(mutableColumns(a))
                .update();
    }

    /** The parameters of the columns a transition may change, by their names in {@link #insert} and {@link #update}. */
    private static Map<String, Object> mutableColumns(Alert a) {
        Map<String, Object> p = new HashMap<>();
        p.put("state", a.state().name());
        p.put("direction", a.direction());
        p.put("date", a.anomalyDate());
        p.put("observed", a.observed());
        p.put("expected", a.expected());
        p.put("lo", a.intervalLo());
        p.put("hi", a.intervalHi());
        p.put("score", a.score());
        p.put("reason", clip(a.reason()));
        p.put("fired", a.firedAt());
        p.put("resolved", a.resolvedAt());
        p.put("acked", a.acknowledgedAt());
        p.put("ackedBy", a.acknowledgedBy());
        p.put("seen", a.lastSeenAt());
        p.put("notified", a.lastNotifiedAt());
        return p;
    }

    /** Writes the mutable columns of an alert. */
    void update(Alert a, OffsetDateTime now) {
        jdbc.sql("""
                        update alert set state = :state, direction = :direction, anomaly_date = :date,
                        observed = :observed, expected = :expected, interval_lo = :lo, interval_hi = :hi,
                        score = :score, reason = :reason, fired_at = :fired, resolved_at = :resolved,
                        acknowledged_at = :acked, acknowledged_by = :ackedBy, last_seen_at = :seen,
                        last_notified_at = :notified, updated_at = :now where id = :id""")
                .params(mutableColumns(a))
                .param("now", now)
                .param("id", a.id())
                .update();
    }

    Optional<Alert> find(String id) {
        return byId("alert", id, (rs, n) -> alert(rs));
    }

    /** The row of {@code table} with that id, mapped. */
    private <T> Optional<T> byId(String table, String id, RowMapper<T> mapper) {
        return jdbc.sql("select * from " + table + " where id = :id")
                .param("id", id)
                .query(mapper)
                .optional();
    }

    /** Open alerts of an account (pending, firing, acknowledged). */
    List<Alert> open(String accountId) {
        return jdbc.sql("select * from alert where account_id = :account and state <> 'RESOLVED' order by id")
                .param("account", accountId)
                .query((rs, n) -> alert(rs))
                .list();
    }

    /** The latest resolution time of a fingerprint, empty when it never resolved. */
    Optional<OffsetDateTime> lastResolved(String fingerprint) {
        return jdbc.sql("select max(resolved_at) from alert where fingerprint = :fingerprint and state = 'RESOLVED'")
                .param("fingerprint", fingerprint)
                .query(OffsetDateTime.class)
                .optional();
    }

    /**
     * Alerts, newest first.
     *
     * @param state     nullable: every state
     * @param accountId nullable: every account
     */
    List<Alert> list(AlertState state, String accountId, int limit) {
        String where = "where 1 = 1" + (state == null ? "" : " and state = :state")
                + (accountId == null ? "" : " and account_id = :account");
        var query = jdbc.sql("select * from alert " + where + " order by started_at desc, id limit :limit")
                .param("limit", limit);
        if (state != null) {
            query = query.param("state", state.name());
        }
        if (accountId != null) {
            query = query.param("account", accountId);
        }
        return query.query((rs, n) -> alert(rs)).list();
    }

    /** Firing or acknowledged alerts of these kinds on these ad sets (at most 1,000 ids per call). */
    List<Alert> watched(Collection<String> adsetIds, Collection<String> kinds) {
        if (adsetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from alert where state in ('FIRING', 'ACKNOWLEDGED') and kind in (:kinds) "
                        + "and adset_id in (:ids) order by adset_id, anomaly_date, id")
                .param("kinds", List.copyOf(kinds))
                .param("ids", List.copyOf(adsetIds))
                .query((rs, n) -> alert(rs))
                .list();
    }

    /** Count of alerts in a state (the Prometheus gauge). */
    long count(AlertState state) {
        return jdbc.sql("select count(*) from alert where state = :state")
                .param("state", state.name())
                .query(Long.class)
                .single();
    }

    void insert(Silence s) {
        jdbc.sql("""
                        insert into alert_silence (id, account_id, adset_id, metric, kind, comment, created_by,
                        starts_at, ends_at, created_at)
                        values (:id, :account, :adset, :metric, :kind, :comment, :by, :starts, :ends, :created)""")
                .param("id", s.id())
                .param("account", s.accountId())
                .param("adset", s.adsetId())
                .param("metric", s.metric())
                .param("kind", s.kind())
                .param("comment", clip(s.comment()))
                .param("by", s.createdBy())
                .param("starts", s.startsAt())
                .param("ends", s.endsAt())
                .param("created", s.createdAt())
                .update();
    }

    Optional<Silence> silence(String id) {
        return byId("alert_silence", id, (rs, n) -> silence(rs));
    }

    /**
     * Silences, latest expiry first.
     *
     * @param activeAt nullable: every silence; else those in force at that time
     */
    List<Silence> silences(OffsetDateTime activeAt) {
        String where = activeAt == null ? "" : " where starts_at <= :now and ends_at > :now";
        var query = jdbc.sql("select * from alert_silence" + where + " order by ends_at desc, id");
        if (activeAt != null) {
            query = query.param("now", activeAt);
        }
        return query.query((rs, n) -> silence(rs)).list();
    }

    /** Ends a silence now (kept for the record); false when it does not exist. */
    boolean expire(String id, OffsetDateTime now) {
        return jdbc.sql("update alert_silence set ends_at = :now where id = :id and ends_at > :now")
                                .param("now", now)
                                .param("id", id)
                                .update()
                        > 0
                || silence(id).isPresent();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getString("id"),
                rs.getString("fingerprint"),
                rs.getString("account_id"),
                rs.getString("adset_id"),
                rs.getString("metric"),
                rs.getString("kind"),
                AlertState.valueOf(rs.getString("state")),
                rs.getString("direction"),
                rs.getObject("anomaly_date", LocalDate.class),
                rs.getObject("observed", Double.class),
                rs.getObject("expected", Double.class),
                rs.getObject("interval_lo", Double.class),
                rs.getObject("interval_hi", Double.class),
                rs.getObject("score", Double.class),
                rs.getString("reason"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("fired_at", OffsetDateTime.class),
                rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getObject("acknowledged_at", OffsetDateTime.class),
                rs.getString("acknowledged_by"),
                rs.getObject("last_seen_at", OffsetDateTime.class),
                rs.getObject("last_notified_at", OffsetDateTime.class),
                null);
    }

    private static Silence silence(ResultSet rs) throws SQLException {
        return new Silence(
                rs.getString("id"),
                rs.getString("account_id"),
                rs.getString("adset_id"),
                rs.getString("metric"),
                rs.getString("kind"),
                rs.getString("comment"),
                rs.getString("created_by"),
                rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("ends_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
