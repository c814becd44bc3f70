package io.metasystem.mlcore.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V26 renames accounts stored as {@code act_<id>} to {@code <id>} with everything that refers to them, on H2 and on
 * PostgreSQL, and leaves an account alone when both spellings already exist.
 */
class AccountIdMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void renamesPrefixedAccountsWithTheirHistory(String database) {
        String name = "acct_mig_" + UUID.randomUUID().toString().substring(0, 8);
        boolean postgres = database.equals("postgres");
        String url = postgres
                ? EmbeddedPostgresSupport.jdbcUrl(name)
                : "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        DriverManagerDataSource ds = new DriverManagerDataSource(url, postgres ? "postgres" : "sa", "");
        Map<String, String> placeholders = Map.of("json_type", postgres ? "jsonb" : "json");
        Flyway.configure()
                .dataSource(ds)
                .placeholders(placeholders)
                .target("25")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        OffsetDateTime now = OffsetDateTime.parse("2026-11-30T10:00:00Z");
        for (String account : List.of("act_111", "act_222", "222")) {
            jdbc.sql("insert into ad_account (id, currency, created_at, updated_at) values (:id, 'EUR', :t, :t)")
                    .param("id", account)
                    .param("t", now)
                    .update();
            jdbc.sql("insert into campaign (account_id, id, name, updated_at) values (:a, 'c1', 'Launch', :t)")
                    .param("a", account)
                    .param("t", now)
                    .update();
            jdbc.sql("insert into ad_set (account_id, id, campaign_id, name, status, platform, updated_at) "
                            + "values (:a, 's1', 'c1', 'Reels', 'ACTIVE', 'meta', :t)")
                    .param("a", account)
                    .param("t", now)
                    .update();
            jdbc.sql("insert into daily_insight (account_id, adset_id, insight_date, spend, "
                            + "conversions, source, imported_at) "
                            + "values (:a, 's1', date '2026-11-29', 10, 2, 'csv', :t)")
                    .param("a", account)
                    .param("t", now)
                    .update();
        }
        jdbc.sql("insert into recommendation (id, account_id, created_at, request_hash, inputs_summary, response, "
                        + "optimizer_version) values ('r1', 'act_111', :t, 'h', '{}', '{}', '0.2.0')")
                .param("t", now)
                .update();

        Flyway.configure().dataSource(ds).placeholders(placeholders).load().migrate();

        assertThat(jdbc.sql("select id from ad_account order by id")
                        .query(String.class)
                        .list())
                .containsExactly("111", "222", "act_222");
        assertThat(jdbc.sql("select count(*) from daily_insight where account_id = '111'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ad_set where account_id = '111'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from campaign where account_id = '111'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select account_id from recommendation where id = 'r1'")
                        .query(String.class)
                        .single())
                .isEqualTo("111");
        assertThat(jdbc.sql("select count(*) from daily_insight where account_id like 'act%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
