package io.metasystem.mlcore.faults;

import io.metasystem.mlcore.meta.FakeGraphApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the service in the middle of a live apply (DUMMY_MODE=false) against the fake Graph API, in two
 * variants: the fake takes the second ad-set write into effect but holds its answer (the change reached Meta, the
 * service never learnt it), or it never receives that write (held before it arrives, then dropped). Restarted on the
 * same H2 file store with a claim timeout of one second (APPLY_CLAIM_TIMEOUT), the resumed apply skips the ad sets
 * already done, takes the stale claim of the in-flight one over, reads it from Meta, and finds the change there
 * ({@code unchanged}, not written again) or not ({@code applied}, written once), both with a {@code note}; then it
 * writes those never attempted. Every changed ad set is written exactly once; the audit has one row per ad set.
 */
class KillDuringApplyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "7843";
    private static final FakeGraphApi GRAPH = new FakeGraphApi();
    /** The ad sets of docs/examples/ads_manager_export.csv with their budgets there (minor units). */
    private static final Map<String, Long> BUDGETS = Map.of(
            "23851000000000001", 6000L,
            "23851000000000002", 4000L,
            "23851000000000003", 3000L,
            "23851000000000004", 2000L);

    @TempDir
    Path workDir;

    @BeforeEach
    void graph() {
        GRAPH.clear();
        BUDGETS.forEach((id, budget) -> GRAPH.adSet(id, "Ad set " + id, "ACTIVE", budget, "23850000000000001"));
    }

    @AfterAll
    static void closeGraph() {
        GRAPH.close();
    }

    private Map<String, String> settings(String claimTimeout) {
        return Map.of(
                "mlcore.dummy-mode", "false",
                "mlcore.meta.access-token", "EAAB-kill-apply-test",
                "mlcore.meta.api-base", GRAPH.baseUrl(),
                "mlcore.meta.max-retries", "0",
                "mlcore.meta.allowed-accounts", ACCOUNT,
                // the example export ends in October: the data-age guardrail would refuse it today
                "mlcore.meta.max-data-age-days", "0",
                "mlcore.meta.apply.claim-timeout", claimTimeout);
    }

    @Test
    void anApplyKilledAfterMetaTookTheWriteResumesWithoutWritingAnyAdSetTwice() throws Exception {
        killMidApplyAndResume(true);
    }

    @Test
    void anApplyKilledBeforeTheWriteReachedMetaResumesAndWritesItOnce() throws Exception {
        killMidApplyAndResume(false);
    }

    /**
     * @param metaTookIt true: the second ad-set write takes effect on the fake and only its answer is held; false:
     *     the write never reaches the fake (held before it arrives, then dropped)
     */
    private void killMidApplyAndResume(boolean metaTookIt) throws Exception {
        String recommendation;
        Map<String, String> outcomes;
        CountDownLatch releaseAnswer = new CountDownLatch(1);
        try (ServiceProcess service = ServiceProcess.start(workDir, settings("15m"))) {
            HttpResponse<String> imported = service.post(
                    "/api/v1/accounts/" + ACCOUNT + "/insights.csv",
                    "text/csv",
                    Files.readString(Path.of("docs/examples/ads_manager_export.csv")));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            HttpResponse<String> optimized = service.post(
                    "/api/v1/accounts/" + ACCOUNT + "/optimize",
                    "application/json",
                    Files.readString(Path.of("docs/examples/account-optimize-request.json")));
            assertThat(optimized.statusCode()).as(optimized.body()).isEqualTo(200);
            JsonNode plan = JSON.readTree(optimized.body());
            recommendation = plan.get("recommendation_id").asString();
            outcomes = expectedOutcomes(plan);
            assertThat(outcomes.values())
                    .as("the plan changes at least three ad sets, so the held write has one before and after it")
                    .filteredOn("applied"::equals)
                    .hasSizeGreaterThanOrEqualTo(3);

            if (metaTookIt) {
                GRAPH.holdAnswerToAdSetWrite(2, releaseAnswer);
            } else {
                GRAPH.loseAdSetWrite(2, releaseAnswer);
            }
            CompletableFuture<HttpResponse<String>> apply = service.client()
                    .sendAsync(
                            service.request("/api/v1/recommendations/" + recommendation + "/apply")
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            await("the second ad-set write reached the fake Graph API")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> GRAPH.held() > 0);
            if (metaTookIt) {
                assertThat(writesPerAdSet().values()).containsExactly(1L, 1L);
            } else {
                assertThat(writesPerAdSet().values()).containsExactly(1L);
            }
            service.kill9();
            assertThat(apply).failsWithin(Duration.ofSeconds(10));
        } finally {
            releaseAnswer.countDown();
        }
        Map<String, Long> beforeRestart = writesPerAdSet();
        String inFlightPath = metaTookIt ? GRAPH.writes().get(1).path() : GRAPH.lostWritePath();
        String inFlight = inFlightPath.substring("/v23.0/".length());

        // The claim of the in-flight ad set is older than the 1 s claim timeout when the service is up again (younger
        // claims are skipped as in_progress: ApplyServiceTest, on a clock).
        try (ServiceProcess again = ServiceProcess.start(workDir, settings("1s"))) {
            JsonNode takenOver = apply(again, recommendation);
            Map<String, String> byAdSet = outcomesOf(takenOver);
            assertThat(byAdSet.get(inFlight))
                    .as(
                            metaTookIt
                                    ? "the claim timed out; Meta already has the change, so it is not written again"
                                    : "the claim timed out; Meta never got the change, so it is written now")
                    .isEqualTo(metaTookIt ? "unchanged" : "applied");
            assertThat(takenOver
                            .get("items")
                            .valueStream()
                            .filter(item -> item.get("adset_id").asString().equals(inFlight))
                            .findFirst()
                            .orElseThrow()
                            .get("note")
                            .asString())
                    .startsWith(
                            metaTookIt
                                    ? "taken over from an interrupted apply: Meta already had the target"
                                    : "taken over from an interrupted apply: Meta did not have the target");
            // in the recommendation's order: done before the kill, the one in flight, never attempted
            boolean afterInFlight = false;
            for (Map.Entry<String, String> planned : outcomes.entrySet()) {
                String id = planned.getKey();
                if (id.equals(inFlight)) {
                    afterInFlight = true;
                } else if (afterInFlight) {
                    assertThat(byAdSet.get(id))
                            .as("%s, never attempted before the kill", id)
                            .isEqualTo(planned.getValue());
                } else {
                    assertThat(byAdSet.get(id))
                            .as("%s, done before the kill", id)
                            .isEqualTo("already_applied");
                }
            }
            assertThat(afterInFlight)
                    .as("the in-flight ad set is one of the plan's")
                    .isTrue();
            JsonNode last = apply(again, recommendation);
            assertThat(last.get("status").asString()).isEqualTo("applied");
            assertThat(outcomesOf(last).values()).containsOnly("already_applied");

            Map<String, Long> expectedWrites = outcomes.entrySet().stream()
                    .filter(e -> e.getValue().equals("applied"))
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> 1L));
            assertThat(writesPerAdSet())
                    .as("every changed ad set written exactly once")
                    .isEqualTo(expectedWrites);
            outcomes.forEach((id, outcome) -> {
                if (outcome.equals("applied")) {
                    JsonNode state = GRAPH.adSetState(id);
                    assertThat(state.get("status").asString().equals("PAUSED")
                                    || state.get("daily_budget").asLong() != BUDGETS.get(id))
                            .as("ad set %s changed on Meta", id)
                            .isTrue();
                }
            });

            JsonNode audit = JSON.readTree(again.get("/api/v1/audit?recommendation_id=" + recommendation + "&limit=100")
                    .body());
            List<String> audited = audit.get("items")
                    .valueStream()
                    .map(item -> item.get("adset_id").asString())
                    .toList();
            assertThat(audited)
                    .as("one audit row per ad set, none doubled")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(outcomes.keySet());
            assertThat(audit.get("total").asLong()).isEqualTo(outcomes.size());
            again.kill9();
        }
    }

    private static JsonNode apply(ServiceProcess service, String recommendation) {
        HttpResponse<String> response =
                service.post("/api/v1/recommendations/" + recommendation + "/apply", "application/json", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** What a first, undisturbed apply would do per ad set: {@code applied} for a change, {@code unchanged} if none. */
    private static Map<String, String> expectedOutcomes(JsonNode plan) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode adSet : plan.get("adsets")) {
            long current = Math.round(adSet.get("current_budget").asDouble() * 100);
            long recommended = Math.round(adSet.get("recommended_budget").asDouble() * 100);
            out.put(adSet.get("id").asString(), current == recommended ? "unchanged" : "applied");
        }
        return out;
    }

    private static Map<String, String> outcomesOf(JsonNode result) {
        return result.get("items")
                .valueStream()
                .collect(Collectors.toMap(
                        item -> item.get("adset_id").asString(),
                        item -> item.get("outcome").asString(),
                        (a, b) -> a + "," + b,
                        HashMap::new));
    }

    /** POSTs the fake Graph API received per ad set id (in the order of first arrival). */
    private static Map<String, Long> writesPerAdSet() {
        return GRAPH.writes().stream()
                .map(w -> w.path().substring(w.path().lastIndexOf('/') + 1))
                .filter(BUDGETS::containsKey)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    }
}
