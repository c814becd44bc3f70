package io.metasystem.mlcore.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

/** The one upsert of an {@code ad_set} row, shared by imports and the Meta catalogue sync. */
final class AdSetRows {
    private AdSetRows() {}

    /**
     * Creates the account's row if it is new and takes its row lock for the rest of the transaction: imports and
     * syncs of one account serialise on it (also across replicas on PostgreSQL).
     */
    static void lockAccount(JdbcClient jdbc, String accountId, OffsetDateTime now) {
        jdbc.sql("insert into ad_account (id, created_at, updated_at) values (:id, :now, :now) on conflict do nothing")
                .param("id", accountId)
                .param("now", now)
                .update();
        jdbc.sql("select id from ad_account where id = :id for update")
                .param("id", accountId)
                .query(String.class)
                .single();
    }

    /**
     * Updates the ad set with the non-null values given (the others keep what is stored), or inserts it (status
     * {@code ACTIVE} when none is given, platform {@code meta}). The caller holds the account's row lock.
     *
     * @param attributesJson the attributes document as JSON text, nullable: keep the stored ones
     * @return true when the row was inserted
     */
    static boolean upsert(
            JdbcClient jdbc,
            SqlDialect dialect,
            String accountId,
            AdSetDescriptor a,
            String attributesJson,
            OffsetDateTime now) {
        String update = """
                update ad_set set name = coalesce(:name, name), campaign_id = coalesce(:campaign, campaign_id),
                status = coalesce(:status, status), daily_budget = coalesce(:budget, daily_budget),
                currency = coalesce(:currency, currency), attributes = coalesce(%s, attributes),
                updated_at = :now where account_id = :account and id = :id""";
        int n = jdbc.sql(update.formatted(dialect.json(":attributes")))
                .param("name", a.name())
                .param("campaign", a.campaignId())
                .param("status", a.status())
                .param("budget", a.dailyBudget())
                .param("currency", a.currency())
                .param("attributes", attributesJson)
                .param("now", now)
                .param("account", accountId)
                .param("id", a.id())
                .update();
        if (n > 0) {
            return false;
        }
        jdbc.sql("insert into ad_set (account_id, id, campaign_id, name, status, daily_budget, currency, platform, "
                        + "attributes, updated_at) values (:account, :id, :campaign, :name, :status, :budget, "
                        + ":currency, 'meta', " + dialect.json(":attributes") + ", :now)")
                .param("account", accountId)
                .param("id", a.id())
                .param("campaign", a.campaignId())
                .param("name", a.name())
                .param("status", a.status() == null ? "ACTIVE" : a.status())
                .param("budget", a.dailyBudget())
                .param("currency", a.currency())
                .param("attributes", attributesJson)
                .param("now", now)
                .update();
        return true;
    }
}
