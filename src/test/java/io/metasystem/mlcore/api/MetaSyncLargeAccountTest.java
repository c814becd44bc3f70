package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A large account through the real server: 1,000 ad sets × 25 days = 25,000 insight rows in 50 Graph API pages of
 * 500. The sync imports page by page (the sink never receives more than one page, so what the sync holds is bounded
 * by a page, not by the account), every stored row equals what Meta served, and a second sync changes nothing.
 */
class MetaSyncLargeAccountTest extends LiveMetaTest {
    static final int AD_SETS = 1_000;
    static final int DAYS = 25;
    static final int PAGE = 500;
    static final LocalDate START = LocalDate.of(2026, 8, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    record Expected(BigDecimal spend, long clicks, BigDecimal conversions, BigDecimal revenue) {}

    static final Map<String, Expected> EXPECTED = new HashMap<>();

    @BeforeAll
    static void largeAccount() {
        GRAPH.pageSize(PAGE);
        Random random = new Random(12);
        for (int a = 0; a < AD_SETS; a++) {
            GRAPH.adSet(String.format("big%04d", a), "Big " + a, "ACTIVE", 1000L + a, "bigc" + a % 20);
        }
        for (int d = 0; d < DAYS; d++) {
            for (int a = 0; a < AD_SETS; a++) {
                String id = String.format("big%04d", a);
                String day = START.plusDays(d).toString();
                BigDecimal spend = BigDecimal.valueOf(random.nextInt(100_000), 2);
                long clicks = random.nextInt(500);
                long purchases = random.nextInt(20);
                BigDecimal value = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
                GRAPH.insight(id, day, spend.toPlainString(), 1000, clicks, purchases, value.toPlainString());
                EXPECTED.put(id + "|" + day, new Expected(spend, clicks, BigDecimal.valueOf(purchases), value));
            }
        }
    }

    @AfterAll
    static void smallPagesAgain() {
        GRAPH.clear();
    }

    JsonNode sync() {
        HttpClientSupport http = new HttpClientSupport(port);
        HttpResponse<String> started = http.postJson(
                "/api/v1/accounts/act_123/sync?since=" + START + "&until=" + START.plusDays(DAYS - 1), "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String status = JSON.readTree(started.body()).get("status_url").asString();
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    job.set(JSON.readTree(http.get(status).body()));
                    return !job.get().get("status").asString().equals("running");
                });
        assertThat(job.get().get("status").asString()).as(job.get().toString()).isEqualTo("succeeded");
        return job.get().get("result");
    }

    @Test
    void aLargeAccountIsImportedPageByPageAndEveryStoredRowIsExact() {
        insightSink.capture(false);
        insightSink.resetPageCounts();
        JsonNode first = sync();
        assertThat(first.get("insight_rows").asInt()).isEqualTo(AD_SETS * DAYS);
        assertThat(first.get("insight_pages").asInt()).isEqualTo(AD_SETS * DAYS / PAGE);
        assertThat(first.get("import").get("rows_read").asLong()).isEqualTo(AD_SETS * DAYS);
        assertThat(first.get("import").get("inserted").asLong()).isEqualTo(AD_SETS * DAYS);
        assertThat(first.get("import").get("ad_sets").asInt()).isEqualTo(AD_SETS);
        assertThat(first.get("import").get("first_date").asString()).isEqualTo(START.toString());
        assertThat(first.get("import").get("last_date").asString())
                .isEqualTo(START.plusDays(DAYS - 1).toString());
        // the memory bound: no call of the sink carried more than one page of rows
        assertThat(insightSink.pages()).isEqualTo(AD_SETS * DAYS / PAGE);
        assertThat(insightSink.largestPage()).isEqualTo(PAGE);

        List<Map<String, Object>> stored = jdbc.sql("select adset_id, insight_date, spend, clicks, conversions, "
                        + "revenue from daily_insight where account_id = '123' and adset_id like 'big%'")
                .query()
                .listOfRows();
        assertThat(stored).hasSize(AD_SETS * DAYS);
        for (Map<String, Object> row : stored) {
            String key = row.get("adset_id") + "|" + row.get("insight_date");
            Expected e = EXPECTED.get(key);
            assertThat(e).as(key).isNotNull();
            assertThat((BigDecimal) row.get("spend")).as(key).isEqualByComparingTo(e.spend());
            assertThat(((Number) row.get("clicks")).longValue()).as(key).isEqualTo(e.clicks());
            assertThat((BigDecimal) row.get("conversions")).as(key).isEqualByComparingTo(e.conversions());
            assertThat((BigDecimal) row.get("revenue")).as(key).isEqualByComparingTo(e.revenue());
        }

        JsonNode again = sync();
        assertThat(again.get("import").get("unchanged").asLong()).isEqualTo(AD_SETS * DAYS);
        assertThat(again.get("import").get("inserted").asLong()).isZero();
        assertThat(again.get("import").get("updated").asLong()).isZero();
    }
}
