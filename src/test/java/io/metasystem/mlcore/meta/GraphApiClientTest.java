package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphApiClientTest {
    private final FakeGraphApi fake = new FakeGraphApi();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        fake.close();
    }

    private GraphApiClient client(int maxRetries, Duration maxBackoff) {
        MetaProperties p = new MetaProperties(
                "EAAB-test-token",
                "123",
                fake.baseUrl(),
                "v23.0",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                maxRetries,
                Duration.ofMillis(100),
                maxBackoff,
                new BigDecimal("0.5"),
                BigDecimal.ONE,
                null,
                List.of("123"),
                24,
                3,
                false);
        return new GraphApiClient(p, sleeps::add);
    }

    @Test
    void followsPagingNextAcrossPagesAndSendsTheTokenAsHeader() {
        for (int i = 1; i <= 5; i++) {
            fake.adSet("as" + i, "Ad set " + i, "ACTIVE", 1000L * i, "c1");
        }
        List<GraphAdSet> adSets = client(2, Duration.ofMinutes(5)).adSets("act_123");
        assertThat(adSets).extracting(GraphAdSet::id).containsExactly("as1", "as2", "as3", "as4", "as5");
        assertThat(adSets.get(2).dailyBudgetMinor()).isEqualTo(3000L);
        assertThat(adSets.get(0).campaignId()).isEqualTo("c1");
        assertThat(fake.received()).hasSize(3);
        assertThat(fake.received().get(0).path()).isEqualTo("/v23.0/act_123/adsets");
        assertThat(fake.received().get(0).authorization()).isEqualTo("Bearer EAAB-test-token");
        assertThat(fake.received().get(0).query()).doesNotContainKey("access_token");
    }

    @Test
    void backsOffOnRateLimitAndRespectsTheTimeToRegainAccess() {
        fake.adSet("as1", "A", "ACTIVE", 1000L, "c1");
        fake.script("GET /v23.0/act_123/adsets", FakeGraphApi.rateLimited(17, 0), FakeGraphApi.rateLimited(80004, 2));
        List<GraphAdSet> adSets = client(3, Duration.ofMinutes(5)).adSets("123");
        assertThat(adSets).hasSize(1);
        assertThat(fake.received()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void failsFastWhenMetaNeedsLongerThanTheLongestBackOff() {
        fake.script("GET /v23.0/act_123/adsets", FakeGraphApi.rateLimited(613, 30));
        assertThatThrownBy(() -> client(3, Duration.ofMinutes(5)).adSets("123"))
                .isInstanceOfSatisfying(
                        MetaRateLimitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(30)));
        assertThat(fake.received()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void givesUpAfterTheRetryBudgetWhenStillRateLimited() {
        fake.script(
                "GET /v23.0/act_123/adsets",
                FakeGraphApi.rateLimited(4, 0),
                FakeGraphApi.rateLimited(4, 0),
                FakeGraphApi.rateLimited(4, 0));
        assertThatThrownBy(() -> client(2, Duration.ofMinutes(5)).adSets("123"))
                .isInstanceOf(MetaRateLimitException.class);
        assertThat(fake.received()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void tokenErrorStopsAtOnceWithoutRetry() {
        fake.script(
                "GET /v23.0/act_123/adsets",
                FakeGraphApi.error(400, 190, 463, "Error validating access token: Session has expired", Map.of()));
        assertThatThrownBy(() -> client(3, Duration.ofMinutes(5)).adSets("123"))
                .isInstanceOf(MetaTokenException.class)
                .hasMessageContaining("190");
        assertThat(fake.received()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void validationErrorNamesTheBlamedField() {
        fake.adSet("as1", "A", "ACTIVE", 1000L, "c1")
                .failUpdates("as1", "Your budget is too low. The minimum is 1.00 EUR.");
        assertThatThrownBy(() -> client(3, Duration.ofMinutes(5)).updateAdSet("as1", Map.of("daily_budget", "50")))
                .isInstanceOfSatisfying(MetaValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("daily_budget");
                    assertThat(e.getMessage()).contains("budget is too low");
                });
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void retriesServerErrorsWithBackOffThenSucceeds() {
        fake.adSet("as1", "A", "ACTIVE", 1000L, "c1");
        fake.script(
                "POST /v23.0/as1",
                new FakeGraphApi.Scripted(503, "upstream unavailable", Map.of()),
                FakeGraphApi.error(500, 2, null, "Service temporarily unavailable", Map.of()));
        GraphCall call = client(3, Duration.ofMinutes(5)).updateAdSet("as1", Map.of("daily_budget", "2500"));
        assertThat(call.response()).contains("success");
        assertThat(fake.adSetState("as1").get("daily_budget").asString()).isEqualTo("2500");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void timeoutsAreRetriedBoundedly() {
        fake.close();
        assertThatThrownBy(() -> client(1, Duration.ofMinutes(5)).adSets("123"))
                .isInstanceOf(GraphApiException.class)
                .hasMessageContaining("after 2 attempts");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void neverPutsTheTokenOfAPagingLinkIntoAnError() {
        fake.script(
                "GET /v23.0/act_123/adsets",
                new FakeGraphApi.Scripted(
                        200,
                        "{\"data\":[{\"id\":\"as1\"}],\"paging\":{\"next\":"
                                + "\"http://127.0.0.1:1/v23.0/act_123/adsets"
                                + "?access_token=EAAB-secret-in-next&after=1\"}}",
                        Map.of()));
        assertThatThrownBy(() -> client(0, Duration.ofMinutes(5)).adSets("123"))
                .isInstanceOf(GraphApiException.class)
                .hasMessageContaining("access_token=<redacted>")
                .hasMessageNotContaining("EAAB-secret");
    }

    @Test
    void redactsTokensInUrls() {
        assertThat(GraphApiClient.redact("https://graph.facebook.com/v23.0/act_1/adsets?access_token=EAAB123&after=x"))
                .isEqualTo("https://graph.facebook.com/v23.0/act_1/adsets?access_token=<redacted>&after=x");
    }

    @Test
    void convertsMinorUnitsWithMetaCurrencyOffsets() {
        assertThat(Currencies.toMajor(2550, "EUR")).isEqualByComparingTo("25.50");
        assertThat(Currencies.toMinor(new BigDecimal("25.505"), "USD")).isEqualTo(2551);
        assertThat(Currencies.toMinor(new BigDecimal("3000"), "JPY")).isEqualTo(3000);
    }
}
