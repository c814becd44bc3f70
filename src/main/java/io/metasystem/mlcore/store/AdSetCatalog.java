package io.metasystem.mlcore.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write and read side of ad sets as such (not their insights): ad sets that had no delivery yet, their status and
 * budget, and their {@link AdSetAttributes}. The insight importer creates ad sets from rows; this catalog covers the
 * rest.
 */
@Repository
public class AdSetCatalog {
    private static final JsonMapper JSON = StoredJson.MAPPER;
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    public AdSetCatalog(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * Creates or updates the account, campaign and ad sets, in one transaction, holding the account's row lock as
     * imports do ({@code InsightImporter}), so that writers of one account's catalog run one after the other: two
     * syncs of one account on two replicas of one PostgreSQL otherwise deadlocked (bench/replicas.sh, 4 of 38 sync
     * jobs failed with {@code deadlock detected} on {@code campaign}).
     *
     * @return how many ad sets were created (the others were updated)
     */
    @Transactional
    public int upsert(String accountId, List<AdSetDescriptor> adSets) {
        accountId = AccountIds.canonical(accountId);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        AdSetRows.lockAccount(jdbc, accountId, now);
        int created = 0;
        for (AdSetDescriptor a : adSets) {
            if (a.campaignId() != null) {
                int n = jdbc.sql("update campaign set name = coalesce(:name, name), updated_at = :now "
                                + "where account_id = :account and id = :id")
                        .param("name", a.campaignName())
                        .param("now", now)
                        .param("account", accountId)
                        .param("id", a.campaignId())
                        .update();
                if (n == 0) {
                    jdbc.sql("insert into campaign (account_id, id, name, updated_at) values "
                                    + "(:account, :id, :name, :now)")
                            .param("account", accountId)
                            .param("id", a.campaignId())
                            .param("name", a.campaignName())
                            .param("now", now)
                            .update();
                }
            }
            String attributes = a.attributes() == null
                    ? null
                    : JSON.writeValueAsString(a.attributes().values());
            if (AdSetRows.upsert(jdbc, dialect, accountId, a, attributes, now)) {
                created++;
            }
        }
        return created;
    }

    /**
     * Replaces one ad set's attributes.
     *
     * @return false when the account has no such ad set
     */
    @Transactional
    public boolean putAttributes(String accountId, String adsetId, AdSetAttributes attributes) {
        accountId = AccountIds.canonical(accountId);
        return jdbc.sql("update ad_set set attributes = " + dialect.json(":attributes") + ", updated_at = :now "
                                + "where account_id = :account and id = :id")
                        .param("attributes", JSON.writeValueAsString(attributes.values()))
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("account", accountId)
                        .param("id", adsetId)
                        .update()
                == 1;
    }

    /** Attributes of every ad set of the account that has any, by ad-set id. */
    @Transactional(readOnly = true)
    public Map<String, AdSetAttributes> attributes(String accountId) {
        accountId = AccountIds.canonical(accountId);
        Map<String, AdSetAttributes> out = new LinkedHashMap<>();
        jdbc.sql("select id, cast(attributes as varchar) as attributes from ad_set where account_id = :account "
                        + "and attributes is not null order by id")
                .param("account", accountId)
                .query((rs, n) -> Map.entry(rs.getString("id"), parse(rs.getString("attributes"))))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static AdSetAttributes parse(String json) {
        if (json == null) {
            return AdSetAttributes.NONE;
        }
        String text = json.startsWith("\"") ? JSON.readValue(json, String.class) : json;
        return new AdSetAttributes(JSON.readValue(text, STRING_MAP));
    }
}
