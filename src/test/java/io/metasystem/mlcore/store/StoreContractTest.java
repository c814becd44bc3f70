package io.metasystem.mlcore.store;

import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.scheduling.JobTable;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.metasystem.mlcore.store.StoreHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's behaviour, through the real HTTP server, run once per database: {@link H2StoreTest} and
 * {@link PostgresStoreTest}. Every test uses its own account id, so tests share one context safely (on H2, the
 * {@link WebApiTest} profile's context).
 */
abstract class StoreContractTest extends WebApiTest {
    static final String HEADER = "Campaign name,Ad set name,Ad set ID,Day,Amount spent (EUR),Impressions,Link clicks,"
            + "Results,Purchases conversion value\n";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InsightStore store;

    @Autowired
    AdSetCatalog catalog;

    @Autowired
    JobLeases leases;

    @Autowired
    RecommendationStore recommendations;

    @Autowired
    RecommendationRetention retention;

    @Autowired
    SqlDialect dialect;

    StoreHttp http;
    String account;

    @BeforeEach
    void setUp() {
        http = new StoreHttp(port);
        account = "act_" + UUID.randomUUID().toString().substring(0, 8);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where account_id = :a")
                .param("a", AccountIds.canonical(account))
                .query(Long.class)
                .single();
    }

    @Test
    void migrationsCreateTheSchema() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success = true")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
        for (String table : List.of(
                "ad_account",
                "campaign",
                "ad_set",
                "daily_insight",
                "insight_history",
                "recommendation",
                "recommendation_adset")) {
            assertThat(jdbc.sql("select count(*) from " + table)
                            .query(Long.class)
                            .single())
                    .isNotNull();
        }
    }

    @Test
    void importsTheSampleExportAndReportsCounts() {
        HttpResponse<String> response = http.csv(account, StoreHttp.example("ads_manager_export.csv"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = body(response);
        assertThat(report.get("rows_read").asLong()).isEqualTo(112);
        assertThat(report.get("inserted").asLong()).isEqualTo(112);
        assertThat(report.get("ad_sets").asInt()).isEqualTo(4);
        assertThat(report.get("currency").asString()).isEqualTo("EUR");
        assertThat(count("daily_insight")).isEqualTo(112);

        JsonNode adSets = body(http.get("/api/v1/accounts/" + account + "/adsets"));
        assertThat(adSets.get("total").asLong()).isEqualTo(4);
        JsonNode first = adSets.get("items").get(0);
        assertThat(first.get("id").asString()).isEqualTo("23851000000000001");
        assertThat(first.get("daily_budget").decimalValue()).isEqualByComparingTo("60");
        assertThat(first.get("campaign_name").asString()).isEqualTo("Album launch | Prospecting");
        assertThat(adSets.get("items").get(3).get("status").asString()).isEqualTo("PAUSED");
    }

    @Test
    void importingTwiceChangesNothing() {
        String csv = StoreHttp.example("ads_manager_export.csv");
        assertThat(http.csv(account, csv).statusCode()).isEqualTo(200);
        String before = snapshot();
        JsonNode second = body(http.csv(account, csv));
        assertThat(second.get("inserted").asLong()).isZero();
        assertThat(second.get("updated").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(112);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(count("insight_history")).isZero();
    }

    @Test
    void aCorrectedRowReplacesTheOldOneAndKeepsItInHistory() {
        http.csv(account, HEADER + "C,A,1,2026-10-01,10.00,1000,10,1,20\nC,B,2,2026-10-01,5,500,5,0,0\n");
        JsonNode report = body(
                http.csv(account, HEADER + "C,A,1,2026-10-01,12.50,1000,10,2,40\nC,B,2,2026-10-01,5.0000,500,5,0,0\n"));
        assertThat(report.get("updated").asLong()).isEqualTo(1);
        assertThat(report.get("unchanged").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select spend from insight_history where account_id = :a")
                        .param("a", AccountIds.canonical(account))
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("10");
        JsonNode insights =
                body(http.get("/api/v1/accounts/" + account + "/insights?from=2026-10-01&to=2026-10-01&adset_id=1"));
        assertThat(insights.get("items").get(0).get("spend").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(insights.get("items").get(0).get("conversions").decimalValue())
                .isEqualByComparingTo("2");
    }

    @Test
    void aBadRowRollsBackTheWholeFileAndNamesLineAndColumn() {
        String csv = HEADER + "C,A,1,2026-10-01,10,1000,10,1,20\n"
                + "C,A,1,2026-10-02,ten,1000,10,1,20\n"
                + "C,A,1,2026-13-03,10,1000,10,1,20\n";
        HttpResponse<String> response = http.csv(account, csv);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode errors = body(response).get("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("Amount spent (EUR)");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("Day");
        assertThat(count("daily_insight")).isZero();
        assertThat(count("ad_set")).isZero();
    }

    @Test
    void listsAtMostFiftyProblems() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 80; i++) {
            csv.append("C,A,1,2026-10-01,-1,1000,10,1,20\n");
        }
        JsonNode problem = body(http.csv(account, csv.toString()));
        assertThat(problem.get("errors").size()).isEqualTo(50);
        assertThat(problem.get("total_errors").asLong()).isEqualTo(80);
    }

    @Test
    void missingRequiredColumnIsNamed() {
        HttpResponse<String> response = http.csv(account, "Ad set name,Day,Impressions\nA,2026-10-01,100\n");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = body(response).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("Amount spent");
        assertThat(errors.get(0).get("message").asString())
                .contains("Amount spent")
                .contains("Importe gastado");
    }

    @Test
    void spanishExportWithBomSemicolonsAndDecimalCommas() {
        HttpResponse<String> response = http.postBytes(
                "/api/v1/accounts/" + account + "/insights.csv",
                "text/csv",
                StoreHttp.exampleBytes("ads_manager_export_es.csv"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("inserted").asLong()).isEqualTo(42);
        JsonNode day = body(http.get("/api/v1/accounts/" + account
                        + "/insights?from=2026-10-01&to=2026-10-01&adset_id=23852000000000001"))
                .get("items")
                .get(0);
        assertThat(day.get("spend").decimalValue()).isEqualByComparingTo("1216.73");
        assertThat(day.get("revenue").decimalValue()).isEqualByComparingTo("2504.70");
        JsonNode adSet = body(http.get("/api/v1/accounts/" + account + "/adsets"))
                .get("items")
                .get(2);
        assertThat(adSet.get("name").asString()).isEqualTo("Retargeting; 30 días vídeo");
        assertThat(adSet.get("daily_budget").decimalValue()).isEqualByComparingTo("600");
    }

    @Test
    void multipartUploadWorksToo() {
        String boundary = "----mlcore" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + HEADER
                + "C,\"A, quoted \"\"name\"\"\",1,2026-10-01,10,1000,10,1,20\n\r\n--"
                + boundary + "--\r\n";
        HttpResponse<String> response = http.post(
                "/api/v1/accounts/" + account + "/insights.csv", "multipart/form-data; boundary=" + boundary, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(http.get("/api/v1/accounts/" + account + "/adsets"))
                        .get("items")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("A, quoted \"name\"");
    }

    @Test
    void importsMetaInsightsJsonWithTheChosenActionType() {
        HttpResponse<String> response = http.json(account, StoreHttp.example("meta_insights.json"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("inserted").asLong()).isEqualTo(9);
        JsonNode day = body(http.get("/api/v1/accounts/" + account + "/insights?from=2026-10-01&to=2026-10-03"))
                .get("items")
                .get(0);
        assertThat(day.get("conversions").decimalValue()).isPositive();
        assertThat(day.at("/extra_metrics/reach").isMissingNode()).isFalse();
        assertThat(day.at("/extra_metrics/actions/link_click").isMissingNode()).isFalse();

        JsonNode leads = body(http.post(
                "/api/v1/accounts/" + account + "/insights?action_type=lead",
                "application/json",
                StoreHttp.example("meta_insights.json")));
        assertThat(leads.get("updated").asLong()).isEqualTo(9);
        JsonNode again = body(http.get("/api/v1/accounts/" + account + "/insights?from=2026-10-01&to=2026-10-03"))
                .get("items")
                .get(0);
        assertThat(again.get("conversions").decimalValue()).isZero();
    }

    @Test
    void badJsonRowIsRejectedWithItsPath() {
        String json = "{\"data\":[{\"adset_id\":\"1\",\"date_start\":\"2026-10-01\","
                + "\"date_stop\":\"2026-10-01\",\"spend\":\"1\"},\n"
                + "{\"adset_id\":\"1\",\"date_start\":\"2026-10-02\","
                + "\"date_stop\":\"2026-10-03\",\"spend\":\"x\"}]}";
        HttpResponse<String> response = http.json(account, json);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = body(response).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("data[1].date_stop");
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(2);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("data[1].spend");
        assertThat(count("daily_insight")).isZero();
    }

    @Test
    void importBodiesHaveTheirOwnLimit() {
        String big = HEADER + "C,A,1,2026-10-01,10,1000,10,1,20\n".repeat(10_000);
        HttpResponse<String> response = http.csv(account, big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).get("detail").asString()).contains("MAX_IMPORT_SIZE");
    }

    @Test
    void unknownAccountIsNotFound() {
        for (String path : List.of("/adsets", "/insights")) {
            HttpResponse<String> response = http.get("/api/v1/accounts/" + account + path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(body(response).get("title").asString()).isEqualTo("Not Found");
        }
    }

    @Test
    void pagesAreBoundedAndValidated() {
        http.csv(account, StoreHttp.example("ads_manager_export.csv"));
        JsonNode page = body(
                http.get("/api/v1/accounts/" + account + "/insights?from=2026-10-01&to=2026-10-28&page=1&size=50"));
        assertThat(page.get("items").size()).isEqualTo(50);
        assertThat(page.get("total").asLong()).isEqualTo(112);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/accounts/" + account + "/insights?size=501")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/accounts/" + account + "/insights?from=yesterday")
                        .statusCode())
                .isEqualTo(400);
        JsonNode accounts = body(http.get("/api/v1/accounts?size=500"));
        assertThat(accounts.get("items").findValuesAsString("id")).contains(AccountIds.canonical(account));
    }

    @Test
    void concurrentOverlappingImportsLeaveAConsistentState() throws Exception {
        StringBuilder a = new StringBuilder(HEADER);
        StringBuilder b = new StringBuilder(HEADER);
        for (int day = 1; day <= 28; day++) {
            for (int adSet = 1; adSet <= 5; adSet++) {
                String date = "2026-10-" + String.format("%02d", day);
                a.append("C,A")
                        .append(adSet)
                        .append(',')
                        .append(adSet)
                        .append(',')
                        .append(date)
                        .append(",10,100,1,1,5\n");
                if (day > 14) {
                    b.append("C,A")
                            .append(adSet)
                            .append(',')
                            .append(adSet)
                            .append(',')
                            .append(date)
                            .append(",20,100,1,1,5\n");
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(() -> http.csv(account, a.toString()));
                calls.add(() -> http.csv(account, b.toString()));
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("daily_insight")).isEqualTo(140);
        assertThat(count("ad_set")).isEqualTo(5);
        // every later-half row is one of the two versions, and history holds exactly the replaced versions
        assertThat(jdbc.sql("select count(*) from daily_insight where account_id = :a and spend not in (10, 20)")
                        .param("a", AccountIds.canonical(account))
                        .query(Long.class)
                        .single())
                .isZero();
        // last import wins per row, and the latest history row for a day never equals the current value
        assertThat(jdbc.sql("select count(*) from insight_history h join daily_insight d on "
                                + "d.account_id = h.account_id "
                                + "and d.adset_id = h.adset_id and d.insight_date = "
                                + "h.insight_date where h.account_id = :a "
                                + "and h.spend = d.spend and h.id = (select max(id) from "
                                + "insight_history x where x.account_id = h.account_id "
                                + "and x.adset_id = h.adset_id and x.insight_date = h.insight_date)")
                        .param("a", AccountIds.canonical(account))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void optimizesFromTheStoreAndRecordsTheRecommendationAndItsOutcome() {
        http.csv(account, StoreHttp.example("ads_manager_export.csv"));
        HttpResponse<String> response = http.post(
                "/api/v1/accounts/" + account + "/optimize", "application/json", "{\"budget\":{\"total\":150}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = body(response);
        String id = answer.get("recommendation_id").asString();
        assertThat(id).isNotBlank();
        assertThat(answer.get("adsets").size()).isEqualTo(4);
        assertThat(answer.at("/history/lookback_days").asInt()).isEqualTo(28);
        assertThat(answer.at("/history/account_id").asString()).isEqualTo(AccountIds.canonical(account));
        assertThat(answer.get("currency").asString()).isEqualTo("EUR");
        double total = 0;
        for (JsonNode a : answer.get("adsets")) {
            total += a.get("recommended_budget").asDouble();
            if (a.get("id").asString().equals("23851000000000004")) {
                assertThat(a.get("recommended_budget").asDouble()).isZero(); // PAUSED in the store
            }
        }
        assertThat(total).isLessThanOrEqualTo(150.0001);

        JsonNode stored = body(http.get("/api/v1/recommendations/" + id));
        assertThat(stored.get("account_id").asString()).isEqualTo(AccountIds.canonical(account));
        assertThat(stored.get("request_hash").asString()).hasSize(64);
        assertThat(stored.get("optimizer_version").asString()).isNotBlank();
        assertThat(stored.at("/response/recommendation_id").asString()).isEqualTo(id);
        assertThat(stored.at("/inputs_summary/adsets").asInt()).isEqualTo(4);
        // written since V87: payload version 2, the inputs summary and the webhook event only deflated
        Map<String, Object> row = jdbc.sql(
                        "select inputs_summary, inputs_summary_deflated, payload from recommendation "
                                + "where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("inputs_summary")).isNull();
        assertThat(StoredJson.MAPPER
                        .readTree(DeflatedText.inflate((byte[]) row.get("inputs_summary_deflated")))
                        .get("adsets")
                        .asInt())
                .isEqualTo(4);
        assertThat(((byte[]) row.get("payload"))[0]).isEqualTo((byte) 2);
        List<Map<String, Object>> events = jdbc.sql("select payload, payload_deflated from webhook_outbox "
                        + "where event_type = 'recommendation.created'")
                .query()
                .listOfRows();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("payload")).isNull();
            assertThat(DeflatedText.inflate((byte[]) e.get("payload_deflated"))).contains(id);
        });
        JsonNode list = body(http.get("/api/v1/recommendations?account_id=" + account));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(id);

        JsonNode before = body(http.get("/api/v1/recommendations/" + id + "/outcome"));
        assertThat(before.get("status").asString()).isEqualTo("no_data_yet");
        assertThat(before.get("message").asString()).startsWith("no data yet");

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        http.csv(
                account,
                "Ad set ID,Day,Amount spent (EUR),Results\n23851000000000001," + tomorrow + ",40,3\n"
                        + "23851000000000002," + tomorrow + ",30,1\n");
        JsonNode after = body(http.get("/api/v1/recommendations/" + id + "/outcome?days=1"));
        assertThat(after.get("status").asString()).isEqualTo("complete");
        assertThat(after.get("days_observed").asInt()).isEqualTo(1);
        assertThat(after.at("/total/realised_spend").decimalValue()).isEqualByComparingTo("70");
        assertThat(after.at("/total/realised_conversions").decimalValue()).isEqualByComparingTo("4");
        assertThat(after.at("/total/recommended_spend").decimalValue()).isPositive();
        assertThat(after.get("ad_sets").size()).isEqualTo(4);
        JsonNode backdated = body(http.get("/api/v1/recommendations/" + id + "/outcome?from=2026-10-22&days=7"));
        assertThat(backdated.get("status").asString()).isEqualTo("complete");
        assertThat(backdated.at("/total/realised_spend").decimalValue()).isPositive();
    }

    @Test
    void retentionDeletesOldRecommendationsInBatchesButNeverAppliedOnesOrOpenOutcomeWindows() {
        String old = saved("old");
        String oldToo = saved("old too");
        String applied = saved("applied");
        String pending = saved("pending");
        String audited = saved("audited");
        String young = saved("young");
        String keptBySetting = saved("inside retention");
        String legacy = account.substring(4) + "-legacy";
        jdbc.sql("insert into recommendation (id, account_id, created_at, request_hash, inputs_summary, response, "
                        + "optimizer_version) values (:id, :account, :t, 'h', " + dialect.json(":doc") + ", "
                        + dialect.json(":doc") + ", '0.1.0')")
                .param("id", legacy)
                .param("account", AccountIds.canonical(account))
                .param("t", OffsetDateTime.now(ZoneOffset.UTC))
                .param("doc", "{\"adsets\":1}")
                .update();
        jdbc.sql("insert into recommendation_adset (recommendation_id, adset_id, name, recommended_budget, "
                        + "expected_conversions) values (:id, 'a1', 'legacy line', 12.5, 1.25)")
                .param("id", legacy)
                .update();
        assertThat(recommendations.get(legacy).adSets())
                .extracting(Recommendation.RecommendedAdSet::name)
                .containsExactly("legacy line");
        assertThat(recommendations.get(legacy).response().get("adsets").asInt()).isEqualTo(1);
        assertThat(recommendations.get(legacy).inputsSummary().get("adsets").asInt())
                .isEqualTo(1);
        int days = retention.retentionDays();
        for (String id : List.of(old, oldToo, applied, pending, audited, legacy)) {
            backdate(id, days + 30);
        }
        backdate(keptBySetting, days - 1);
        jdbc.sql("insert into meta_apply_item (idempotency_key, dry_run, recommendation_id, account_id, adset_id, "
                        + "status, attempts, updated_at) values (:key, false, :id, :account, 'a1', :status, 1, :t)")
                .param("key", applied + "/a1")
                .param("id", applied)
                .param("account", AccountIds.canonical(account))
                .param("status", "applied")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        jdbc.sql("insert into meta_apply_item (idempotency_key, dry_run, recommendation_id, account_id, adset_id, "
                        + "status, attempts, updated_at) values (:key, false, :id, :account, 'a1', :status, 1, :t)")
                .param("key", pending + "/a1")
                .param("id", pending)
                .param("account", AccountIds.canonical(account))
                .param("status", "in_progress")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        jdbc.sql("insert into meta_audit (created_at, account_id, recommendation_id, adset_id, action, requested_by, "
                        + "request, outcome, dry_run) values (:t, :account, :id, 'a1', 'set_daily_budget', 'test', "
                        + "'{}', 'applied', false)")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC))
                .param("account", AccountIds.canonical(account))
                .param("id", audited)
                .update();

        assertThat(retention.prune(1)).isGreaterThanOrEqualTo(3);

        for (String gone : List.of(old, oldToo, legacy)) {
            assertThat(http.get("/api/v1/recommendations/" + gone).statusCode())
                    .as(gone)
                    .isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from recommendation_adset where recommendation_id = :id")
                        .param("id", legacy)
                        .query(Long.class)
                        .single())
                .isZero();
        for (String kept : List.of(applied, pending, audited, young, keptBySetting)) {
            assertThat(recommendations.get(kept).adSets()).as(kept).hasSize(1);
        }
    }

    /** A recommendation of this test's account with one line, saved through the store. */
    private String saved(String name) {
        String id = recommendations.newId();
        recommendations.save(new Recommendation(
                id,
                account,
                null,
                "0".repeat(64),
                StoredJson.MAPPER.createObjectNode().put("adsets", 1),
                StoredJson.MAPPER.createObjectNode().put("recommendation_id", id),
                "test",
                null,
                "EUR",
                new BigDecimal("10"),
                List.of(new Recommendation.RecommendedAdSet(
                        "a1", name, null, new BigDecimal("10"), new BigDecimal("1.5"), null)),
                null));
        return id;
    }

    private void backdate(String id, int days) {
        jdbc.sql("update recommendation set created_at = :t where id = :id")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days))
                .param("id", id)
                .update();
    }

    @Test
    void accountOptimizeRejectsUnknownAccountsBadWindowsAndEmptyCampaigns() {
        assertThat(http.post(
                                "/api/v1/accounts/" + account + "/optimize",
                                "application/json",
                                "{\"budget\":{\"total\":10}}")
                        .statusCode())
                .isEqualTo(404);
        http.csv(account, HEADER + "C,A,1,2026-10-01,10,1000,10,1,20\n");
        assertThat(http.post(
                                "/api/v1/accounts/" + account + "/optimize",
                                "application/json",
                                "{\"budget\":{\"total\":10},\"lookback_days\":0}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/v1/accounts/" + account + "/optimize",
                                "application/json",
                                "{\"budget\":{\"total\":10},\"adsets\":[]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/v1/accounts/" + account + "/optimize",
                                "application/json",
                                "{\"budget\":{\"total\":-1}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/v1/accounts/" + account + "/optimize",
                                "application/json",
                                "{\"budget\":{\"total\":10},\"campaign_id\":\"nope\"}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void statelessOptimizeIsRecordedWithoutAnAccount() {
        HttpResponse<String> response = http.post(
                "/api/v1/meta_ads/optimize",
                "application/json",
                "{\"budget\":{\"total\":100},\"adsets\":[{\"id\":\"s1\",\"metrics\":{\"spend\":100,\"conversions\":5}},"
                        + "{\"id\":\"s2\",\"metrics\":{\"spend\":100,\"conversions\":2}}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String id = body(response).get("recommendation_id").asString();
        JsonNode stored = body(http.get("/api/v1/recommendations/" + id));
        assertThat(stored.has("account_id")).isFalse();
        assertThat(stored.at("/response/adsets").size()).isEqualTo(2);
        assertThat(http.get("/api/v1/recommendations/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(body(http.get("/api/v1/recommendations/" + id + "/outcome"))
                        .get("status")
                        .asString())
                .isEqualTo("no_data_yet");
    }

    private String snapshot() {
        return jdbc.sql("select adset_id, insight_date, spend, impressions, clicks, conversions, revenue, imported_at "
                                + "from daily_insight where account_id = :a order by adset_id, insight_date")
                        .param("a", AccountIds.canonical(account))
                        .query()
                        .listOfRows()
                        .toString()
                + jdbc.sql("select id, name, status, daily_budget from ad_set where account_id = :a order by id")
                        .param("a", AccountIds.canonical(account))
                        .query()
                        .listOfRows();
    }

    /**
     * Catalogue syncs that upsert the same campaigns and ad sets in opposite orders, next to imports of the same
     * account: without the account's row lock ({@code AdSetRows.lockAccount}) the row locks are taken in opposite
     * orders and PostgreSQL answers {@code deadlock detected} (seen with two replicas in bench/replicas.sh).
     */
    @Test
    void catalogueUpsertsInAnyOrderAndImportsOfOneAccountNeverDeadlock() throws Exception {
        List<AdSetDescriptor> forward = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forward.add(new AdSetDescriptor(
                    "dl-" + i, "Ad set " + i, "camp-" + (i % 8), "Campaign " + (i % 8), null, null, null, null));
        }
        List<AdSetDescriptor> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 39; i >= 0; i--) {
            csv.append("Campaign ")
                    .append(i % 8)
                    .append(",Ad set ")
                    .append(i)
                    .append(",dl-")
                    .append(i);
            csv.append(",2026-10-01,10,100,1,1,5\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                calls.add(() -> catalog.upsert(account, forward));
                calls.add(() -> catalog.upsert(account, backward));
                calls.add(() -> {
                    HttpResponse<String> response = http.csv(account, csv.toString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return response;
                });
            }
            for (Future<Object> f : pool.invokeAll(calls)) {
                f.get(); // rethrows a deadlock or any other failure
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("ad_set")).isEqualTo(40);
        assertThat(jdbc.sql("select count(*) from campaign where account_id = :a and id like 'camp-%'")
                        .param("a", AccountIds.canonical(account))
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
        assertThat(count("daily_insight")).isEqualTo(40);
    }

    @Test
    void catalogStoresAdSetsWithoutInsightsAndTheirAttributes() {
        AdSetAttributes attributes = new AdSetAttributes(Map.of("placement", "reels", "age", "25-34"));
        int created = catalog.upsert(
                account,
                List.of(
                        new AdSetDescriptor(
                                "as-new",
                                "New | Reels",
                                "c1",
                                "Launch",
                                new BigDecimal("12.50"),
                                "PAUSED",
                                "EUR",
                                attributes),
                        new AdSetDescriptor("as-bare", null, null, null, null, null, null, null)));
        assertThat(created).isEqualTo(2);
        assertThat(catalog.upsert(
                        account, List.of(new AdSetDescriptor("as-new", null, null, null, null, "ACTIVE", null, null))))
                .isZero();

        assertThat(catalog.attributes(account)).containsOnlyKeys("as-new");
        assertThat(catalog.attributes(account).get("as-new").values())
                .containsExactly(Map.entry("age", "25-34"), Map.entry("placement", "reels"));
        JsonNode adSets = body(http.get("/api/v1/accounts/" + account + "/adsets"));
        assertThat(adSets.get("total").asLong()).isEqualTo(2);
        JsonNode first = adSets.get("items").get(1);
        assertThat(first.get("id").asString()).isEqualTo("as-new");
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("daily_budget").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(first.get("attributes").get("placement").asString()).isEqualTo("reels");
        assertThat(first.get("days").asLong()).isZero();

        assertThat(catalog.putAttributes(account, "as-bare", new AdSetAttributes(Map.of("gender", "f"))))
                .isTrue();
        assertThat(catalog.putAttributes(account, "missing", AdSetAttributes.NONE))
                .isFalse();
        assertThat(catalog.attributes(account)).containsOnlyKeys("as-bare", "as-new");
    }

    @Test
    void expiredJobLeasesAreFailedAndLiveOnesKept() {
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        String dead = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        for (String id : List.of(dead, live)) {
            jdbc.sql("insert into meta_job (id, kind, account_id, status, progress, created_at, updated_at) "
                            + "values (:id, 'sync', :a, 'running', 'page 3', :t, :t)")
                    .param("id", id)
                    .param("a", AccountIds.canonical(account))
                    .param("t", old)
                    .update();
        }
        leases.acquire(JobTable.META_JOB, live);
        try {
            assertThat(leases.sweep()).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("select status from meta_job where id = :id")
                            .param("id", dead)
                            .query(String.class)
                            .single())
                    .isEqualTo("failed");
            assertThat(jdbc.sql("select error from meta_job where id = :id")
                            .param("id", dead)
                            .query(String.class)
                            .single())
                    .startsWith("interrupted");
            assertThat(jdbc.sql("select status from meta_job where id = :id")
                            .param("id", live)
                            .query(String.class)
                            .single())
                    .isEqualTo("running");
        } finally {
            leases.release(JobTable.META_JOB, live);
        }
    }

    @Test
    void accountIdsWithAndWithoutTheActPrefixAreOneAccount() {
        String bare = account.replace("act_", "");
        HttpResponse<String> response = http.csv(account, StoreHttp.example("ads_manager_export.csv"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("account_id").asString()).isEqualTo(bare);
        assertThat(body(http.get("/api/v1/accounts/" + bare + "/adsets"))
                        .get("total")
                        .asLong())
                .isEqualTo(4);
        assertThat(body(http.get("/api/v1/accounts/" + account + "/adsets"))
                        .get("total")
                        .asLong())
                .isEqualTo(4);
        assertThat(catalog.upsert(
                        bare,
                        List.of(new AdSetDescriptor(
                                "23851000000000001",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new AdSetAttributes(Map.of("placement", "reels"))))))
                .isZero();
        assertThat(catalog.attributes(account)).containsOnlyKeys("23851000000000001");
        assertThat(jdbc.sql("select count(*) from ad_account where id like :a")
                        .param("a", "%" + bare)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
