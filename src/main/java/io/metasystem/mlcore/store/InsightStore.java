package io.metasystem.mlcore.store;

import io.metasystem.mlcore.errors.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side of the campaign history: accounts, ad sets and daily insights. */
@Repository
@Transactional(readOnly = true)
public class InsightStore {
    private static final JsonMapper JSON = StoredJson.MAPPER;
    private static final String AD_SET_COLUMNS = "s.id, s.name, s.campaign_id, c.name as campaign_name, s.status, "
            + "s.daily_budget, s.currency, s.platform, s.updated_at, cast(s.attributes as varchar) as attributes, "
            + "(select min(i.insight_date) from daily_insight i where i.account_id = s.account_id "
            + "and i.adset_id = s.id) as first_date, "
            + "(select max(i.insight_date) from daily_insight i where i.account_id = s.account_id "
            + "and i.adset_id = s.id) as last_date, "
            + "(select count(*) from daily_insight i where i.account_id = s.account_id and i.adset_id = s.id) as days "
            + "from ad_set s left join campaign c on c.account_id = s.account_id and c.id = s.campaign_id ";

    private final JdbcClient jdbc;

    public InsightStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean accountExists(String accountId) {
        accountId = AccountIds.canonical(accountId);
        return jdbc.sql("select count(*) from ad_account where id = :id")
                        .param("id", accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** @throws NotFoundException (resource {@code account}) when the account is not stored */
    public void requireAccount(String accountId) {
        accountId = AccountIds.canonical(accountId);
        if (!accountExists(accountId)) {
            throw new NotFoundException(
                    "account",
                    accountId,
                    "account_id",
                    "No ad account '" + accountId + "' in the store; import its insights first.");
        }
    }

    public Page<Account> accounts(int page, int size) {
        long total =
                jdbc.sql("select count(*) from ad_account").query(Long.class).single();
        List<Account> items = jdbc.sql("select a.id, a.name, a.currency, a.created_at, a.updated_at, "
                        + "(select count(*) from ad_set s where s.account_id = a.id) as adsets, "
                        + "(select count(*) from daily_insight i where i.account_id = a.id) as insights, "
                        + "(select min(i.insight_date) from daily_insight i where i.account_id = a.id) as first_date, "
                        + "(select max(i.insight_date) from daily_insight i where i.account_id = a.id) as last_date "
                        + "from ad_account a order by a.id limit :limit offset :offset")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Account(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("currency"),
                        rs.getLong("adsets"),
                        rs.getLong("insights"),
                        rs.getObject("first_date", LocalDate.class),
                        rs.getObject("last_date", LocalDate.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** @throws NotFoundException (resource {@code account}) when the account is not stored */
    public Page<AdSet> adSets(String accountId, int page, int size) {
        accountId = AccountIds.canonical(accountId);
        requireAccount(accountId);
        long total = jdbc.sql("select count(*) from ad_set where account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
        List<AdSet> items = jdbc.sql("select " + AD_SET_COLUMNS + "where s.account_id = :account order by s.id "
                        + "limit :limit offset :offset")
                .param("account", accountId)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> adSet(rs))
                .list();
        return new Page<>(items, page, size, total);
    }

    /**
     * Insights of an account between two days (inclusive), ordered by day then ad set.
     *
     * @param adsetId nullable: all ad sets
     * @throws NotFoundException (resource {@code account}) when the account is not stored
     */
    public Page<DailyInsight> insights(
            String accountId, LocalDate from, LocalDate to, String adsetId, int page, int size) {
        accountId = AccountIds.canonical(accountId);
        requireAccount(accountId);
        String where = "where account_id = :account and insight_date between :from and :to"
                + (adsetId == null ? "" : " and adset_id = :adset");
        var count = jdbc.sql("select count(*) from daily_insight " + where)
                .param("account", accountId)
                .param("from", from)
                .param("to", to);
        var select = jdbc.sql("select adset_id, insight_date, spend, impressions, clicks, conversions, revenue, "
                        + "cast(extra_metrics as varchar) as extra, source, imported_at from daily_insight " + where
                        + " order by insight_date, adset_id limit :limit offset :offset")
                .param("account", accountId)
                .param("from", from)
                .param("to", to)
                .param("limit", size)
                .param("offset", (long) page * size);
        if (adsetId != null) {
            count = count.param("adset", adsetId);
            select = select.param("adset", adsetId);
        }
        long total = count.query(Long.class).single();
        return new Page<>(select.query((rs, n) -> insight(rs)).list(), page, size, total);
    }

    /**
     * ACTIVE and PAUSED ad sets of an account with their days in {@code [from, to]}.
     *
     * @param campaignId nullable: every campaign
     * @throws NotFoundException (resource {@code account}) when the account is not stored
     */
    public List<AdSetHistory> histories(String accountId, String campaignId, LocalDate from, LocalDate to) {
        accountId = AccountIds.canonical(accountId);
        requireAccount(accountId);
        var adSetQuery = jdbc.sql("select " + AD_SET_COLUMNS + "where s.account_id = :account "
                        + "and s.status in ('ACTIVE', 'PAUSED')"
                        + (campaignId == null ? "" : " and s.campaign_id = :campaign")
                        + " order by s.id")
                .param("account", accountId);
        if (campaignId != null) {
            adSetQuery = adSetQuery.param("campaign", campaignId);
        }
        Map<String, AdSet> adSets = new LinkedHashMap<>();
        adSetQuery.query((rs, n) -> adSet(rs)).list().forEach(a -> adSets.put(a.id(), a));
        Map<String, List<DailyInsight>> days = new LinkedHashMap<>();
        adSets.keySet().forEach(id -> days.put(id, new ArrayList<>()));
        jdbc.sql("select adset_id, insight_date, spend, impressions, clicks, conversions, revenue, "
                        + "cast(extra_metrics as varchar) as extra, source, imported_at from daily_insight "
                        + "where account_id = :account and insight_date between :from and "
                        + ":to order by adset_id, insight_date")
                .param("account", accountId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> insight(rs))
                .list()
                .forEach(d -> {
                    List<DailyInsight> list = days.get(d.adsetId());
                    if (list != null) {
                        list.add(d);
                    }
                });
        List<AdSetHistory> out = new ArrayList<>();
        adSets.forEach((id, a) -> out.add(new AdSetHistory(a, days.get(id))));
        return out;
    }

    /**
     * Insight days joined with their ad set (campaign, attributes, first insight day), ordered by account, ad set and
     * day: the rows a store-backed training set or a prediction evaluation reads.
     *
     * @param accountId nullable: every account
     */
    public List<AdSetDay> adSetDays(String accountId, LocalDate from, LocalDate to) {
        accountId = AccountIds.canonical(accountId);
        var query = jdbc.sql("select i.account_id, i.adset_id, s.campaign_id, i.insight_date, i.spend, i.clicks, "
                        + "i.conversions, cast(s.attributes as varchar) as attributes, "
                        + "(select min(f.insight_date) from daily_insight f where f.account_id = i.account_id "
                        + "and f.adset_id = i.adset_id) as first_date "
                        + "from daily_insight i join ad_set s on s.account_id = i.account_id and s.id = i.adset_id "
                        + "where i.insight_date between :from and :to"
                        + (accountId == null ? "" : " and i.account_id = :account")
                        + " order by i.account_id, i.adset_id, i.insight_date")
                .param("from", from)
                .param("to", to);
        if (accountId != null) {
            query = query.param("account", accountId);
        }
        return query.query((rs, n) -> new AdSetDay(
                        rs.getString("account_id"),
                        rs.getString("adset_id"),
                        rs.getString("campaign_id"),
                        rs.getObject("insight_date", LocalDate.class),
                        rs.getObject("first_date", LocalDate.class),
                        rs.getBigDecimal("spend"),
                        rs.getObject("clicks", Long.class),
                        rs.getBigDecimal("conversions"),
                        AdSetCatalog.parse(rs.getString("attributes"))))
                .list();
    }

    /**
     * First and last day with spend &gt; 0 in a window, and how many such ad-set days there are.
     *
     * @param accountId nullable: every account
     */
    public DayRange dayRange(String accountId, LocalDate from, LocalDate to) {
        accountId = AccountIds.canonical(accountId);
        var query = jdbc.sql("select min(insight_date) as first_day, max(insight_date) as last_day, count(*) as n, "
                        + "coalesce(sum(conversions), 0) as conv from daily_insight where spend > 0 "
                        + "and insight_date between :from and :to"
                        + (accountId == null ? "" : " and account_id = :account"))
                .param("from", from)
                .param("to", to);
        if (accountId != null) {
            query = query.param("account", accountId);
        }
        return query.query((rs, n) -> new DayRange(
                        rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class),
                        rs.getLong("n"),
                        rs.getDouble("conv")))
                .single();
    }

    /**
     * Latest insight day, null when there is none.
     *
     * @param accountId nullable: every account
     */
    public LocalDate lastDateOrNull(String accountId) {
        return accountId != null
                ? lastDate(accountId)
                : jdbc.sql("select max(insight_date) from daily_insight")
                        .query(LocalDate.class)
                        .optional()
                        .orElse(null);
    }

    /** Latest insight day of an account, null when it has none. */
    public LocalDate lastDate(String accountId) {
        accountId = AccountIds.canonical(accountId);
        return jdbc.sql("select max(insight_date) from daily_insight where account_id = :account")
                .param("account", accountId)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    /** Number of replaced versions kept in insight_history for an account. */
    public long historyRows(String accountId) {
        accountId = AccountIds.canonical(accountId);
        return jdbc.sql("select count(*) from insight_history where account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    private static AdSet adSet(ResultSet rs) throws SQLException {
        return new AdSet(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("campaign_id"),
                rs.getString("campaign_name"),
                rs.getString("status"),
                rs.getBigDecimal("daily_budget"),
                rs.getString("currency"),
                rs.getString("platform"),
                rs.getObject("first_date", LocalDate.class),
                rs.getObject("last_date", LocalDate.class),
                rs.getLong("days"),
                rs.getObject("updated_at", OffsetDateTime.class),
                AdSetCatalog.parse(rs.getString("attributes")));
    }

    private static DailyInsight insight(ResultSet rs) throws SQLException {
        String extra = rs.getString("extra");
        JsonNode extraNode = extra == null ? null : JSON.readTree(extra);
        return new DailyInsight(
                rs.getString("adset_id"),
                rs.getObject("insight_date", LocalDate.class),
                rs.getBigDecimal("spend"),
                rs.getObject("impressions", Long.class),
                rs.getObject("clicks", Long.class),
                rs.getBigDecimal("conversions"),
                rs.getBigDecimal("revenue"),
                extraNode,
                rs.getString("source"),
                rs.getObject("imported_at", OffsetDateTime.class));
    }
}
