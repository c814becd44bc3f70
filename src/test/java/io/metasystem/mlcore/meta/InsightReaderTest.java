package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.config.MetaSyncProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Synchronous vs async insight reads against the fake Graph API: threshold, fallback, polling, failure, timeout. */
class InsightReaderTest {
    private static final LocalDate SINCE = LocalDate.parse("2026-09-01");
    private final FakeGraphApi fake = new FakeGraphApi().pageSize(2);
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> rows = new ArrayList<>();
    private final List<Integer> percents = new ArrayList<>();
    private int restarts;

    private final InsightReader.Rows sink = new InsightReader.Rows() {
        @Override
        public void page(List<JsonNode> page) {
            page.forEach(r -> rows.add(
                    r.get("adset_id").asString() + "@" + r.get("date_start").asString()));
        }

        @Override
        public void restart() {
            restarts++;
            rows.clear();
        }

        @Override
        public void progress(int percent) {
            percents.add(percent);
        }
    };

    @BeforeEach
    void market() {
        fake.adSet("a1", "A", "ACTIVE", 1000L, "c1").adSet("a2", "B", "ACTIVE", 1000L, "c1");
        for (String day : List.of("2026-09-01", "2026-09-02", "2026-09-03")) {
            fake.insight("a1", day, "10.00", 1000, 10, 1, "9.00").insight("a2", day, "5.00", 500, 5, 0, "0");
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private InsightReader reader(int asyncDays, Duration timeout) {
        MetaProperties p = new MetaProperties(
                "EAAB-test-token",
                "123",
                fake.baseUrl(),
                "v23.0",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                2,
                Duration.ofMillis(10),
                Duration.ofSeconds(1),
                new BigDecimal("0.5"),
                BigDecimal.ONE,
                null,
                List.of("123"),
                24,
                3,
                false);
        MetaSyncProperties sync = new MetaSyncProperties(asyncDays, Duration.ofMillis(10), timeout, "-", List.of(), 3);
        return new InsightReader(new GraphApiClient(p, sleeps::add), sync, sleeps::add);
    }

    private List<FakeGraphApi.Received> calls(String method, String path) {
        return fake.received().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    @Test
    void readsShortRangesSynchronously() {
        String mode = reader(31, Duration.ofMinutes(1)).read("123", SINCE, SINCE.plusDays(30), sink);
        assertThat(mode).isEqualTo("sync");
        assertThat(rows).hasSize(6);
        assertThat(fake.reportRuns()).isEmpty();
    }

    @Test
    void readsLongRangesThroughAPolledReportRunWithPagingAndBackOff() {
        fake.pollsBeforeCompletion(3);
        String mode = reader(31, Duration.ofMinutes(1)).read("act_123", SINCE, SINCE.plusDays(31), sink);
        assertThat(mode).isEqualTo("async");
        assertThat(rows).hasSize(6).contains("a1@2026-09-01", "a2@2026-09-03");
        List<FakeGraphApi.Received> started = calls("POST", "/v23.0/act_123/insights");
        assertThat(started).hasSize(1);
        assertThat(started.get(0).form())
                .containsEntry("level", "adset")
                .containsEntry("time_increment", "1")
                .containsEntry("time_range", "{\"since\":\"2026-09-01\",\"until\":\"2026-10-02\"}");
        assertThat(started.get(0).form().get("fields")).contains("spend", "actions", "action_values");
        assertThat(calls("GET", "/v23.0/rr-1")).hasSize(4);
        assertThat(calls("GET", "/v23.0/rr-1/insights")).hasSize(3); // 6 rows, 2 a page
        assertThat(percents).containsExactly(0, 33, 66, 100);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
        assertThat(calls("GET", "/v23.0/act_123/insights")).isEmpty();
    }

    @Test
    void zeroDaysAlwaysReadsSynchronously() {
        assertThat(reader(0, Duration.ofMinutes(1)).read("123", SINCE, SINCE.plusDays(400), sink))
                .isEqualTo("sync");
        assertThat(fake.reportRuns()).isEmpty();
    }

    @Test
    void fallsBackToAReportRunWhenMetaAsksForLessData() {
        fake.script(
                "GET /v23.0/act_123/insights",
                fake.firstInsightPage("/v23.0/act_123/insights"),
                FakeGraphApi.error(400, 100, 1487534, "Please reduce the amount of data you're asking for", Map.of()));
        String mode = reader(31, Duration.ofMinutes(1)).read("123", SINCE, SINCE.plusDays(5), sink);
        assertThat(mode).isEqualTo("async_fallback");
        assertThat(restarts).isEqualTo(1);
        assertThat(rows).hasSize(6).doesNotHaveDuplicates();
        assertThat(calls("GET", "/v23.0/act_123/insights")).hasSize(2); // no retries of the refused call
    }

    @Test
    void codeOneSubcode99IsNotRetriedButReadAsync() {
        fake.script(
                "GET /v23.0/act_123/insights", FakeGraphApi.error(500, 1, 99, "An unknown error occurred", Map.of()));
        assertThat(reader(31, Duration.ofMinutes(1)).read("123", SINCE, SINCE, sink))
                .isEqualTo("async_fallback");
        assertThat(calls("GET", "/v23.0/act_123/insights")).hasSize(1);
        assertThat(rows).hasSize(6);
    }

    @Test
    void aFailedReportRunFailsTheRead() {
        fake.failNextReportRun("Job Failed");
        assertThatThrownBy(() -> reader(1, Duration.ofMinutes(1)).read("123", SINCE, SINCE.plusDays(2), sink))
                .isInstanceOf(GraphApiException.class)
                .hasMessageContaining("rr-1")
                .hasMessageContaining("Job Failed");
        assertThat(calls("GET", "/v23.0/rr-1/insights")).isEmpty();
    }

    @Test
    void aReportRunThatNeverCompletesTimesOutWithinTheBudget() {
        fake.pollsBeforeCompletion(1_000);
        assertThatThrownBy(() -> reader(1, Duration.ofMillis(100)).read("123", SINCE, SINCE.plusDays(2), sink))
                .isInstanceOf(GraphApiException.class)
                .hasMessageContaining("META_ASYNC_TIMEOUT");
        assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(100);
        assertThat(calls("GET", "/v23.0/rr-1")).hasSize(4); // waits of 10, 20, 40 ms, then 80 would exceed 100
    }
}
