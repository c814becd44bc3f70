package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaApplyProperties;
import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.config.MlCoreProperties;
import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Apply's time-dependent guardrails on a fixed {@link Clock}: the recommendation's age and the per-day change limit
 * are measured on the injected clock, so the answer does not depend on when the suite runs (around midnight UTC, say).
 * The service is built here from the context's collaborators with the clock of each step; the HTTP contract stays in
 * {@code api.MetaApplyApiTest}. The profile allows at most 50 % change per day and 24 h old recommendations.
 */
class ApplyServiceTest extends LiveMetaTest {
    static final Instant CREATED = Instant.parse("2026-11-20T09:00:00Z");

    @Autowired
    GraphApiClient graph;

    @Autowired
    OutboundWebhooks webhooks;

    @Autowired
    MetaProperties properties;

    @Autowired
    MlCoreProperties core;

    @Autowired
    MetaApplyProperties applyProperties;

    @Autowired
    JdbcClient jdbc;

    ApplyService at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new ApplyService(
                recommendations,
                graph,
                new ApplyLedger(jdbc, clock, applyProperties),
                new AuditLog(jdbc, clock),
                webhooks,
                properties,
                core,
                clock);
    }

    static AppliableRecommendation rec(String id, Instant created, String adset, String current, String target) {
        return new AppliableRecommendation(
                id,
                "123",
                created.atOffset(ZoneOffset.UTC),
                "EUR",
                List.of(new AppliableRecommendation.Target(
                        adset, "Ad set " + adset, new BigDecimal(current), new BigDecimal(target))));
    }

    @Test
    void theRecommendationAgeIsMeasuredOnTheClock() {
        GRAPH.adSet("age1", "AGE1", "ACTIVE", 2000L, "c1");
        recommendations.put(rec("r-clock-age", CREATED, "age1", "20", "22"));

        GuardrailViolationException late = catchThrowableOfType(
                GuardrailViolationException.class,
                () -> at(CREATED.plusSeconds(25 * 3600)).apply("r-clock-age", "test"));
        assertThat(late.guardrail()).isEqualTo("max_recommendation_age_hours");
        assertThat(GRAPH.writes()).noneMatch(w -> w.path().endsWith("/age1"));

        ApplyResult inTime = at(CREATED.plusSeconds(23 * 3600)).apply("r-clock-age", "test");
        assertThat(inTime.changed()).isEqualTo(1);
    }

    @Test
    void theChangeLimitCountsFromTheStartOfTheClocksDay() {
        GRAPH.adSet("day1", "DAY1", "ACTIVE", 1000L, "c1");
        Instant evening = Instant.parse("2026-11-20T23:50:00Z");
        recommendations.put(rec("r-clock-day-1", evening.minusSeconds(600), "day1", "10", "14"));
        recommendations.put(rec("r-clock-day-2", evening.minusSeconds(300), "day1", "14", "18"));
        assertThat(at(evening).apply("r-clock-day-1", "test").changed()).isEqualTo(1);

        // 14 → 18 is +29 % against the live budget, but +80 % against this day's first budget, 10
        GuardrailViolationException sameDay = catchThrowableOfType(
                GuardrailViolationException.class,
                () -> at(evening.plusSeconds(300)).apply("r-clock-day-2", "test"));
        assertThat(sameDay.guardrail()).isEqualTo("max_change_ratio");
        assertThat(sameDay.adsetId()).isEqualTo("day1");

        // after midnight the day starts at 14: +29 % is within the limit
        assertThat(at(evening.plusSeconds(900)).apply("r-clock-day-2", "test").changed())
                .isEqualTo(1);
        assertThat(GRAPH.adSetState("day1").get("daily_budget").asString()).isEqualTo("1800");
    }

    /**
     * A claim whose apply died between the claim and the end of its Graph API call (kill -9): a later apply skips the
     * ad set as {@code in_progress} until the claim is older than APPLY_CLAIM_TIMEOUT, then takes it over and reads
     * Meta first: a change that had reached Meta is {@code unchanged} (no second write), one that had not is written
     * once.
     */
    @Test
    void aCrashedAppliesClaimIsSkippedUntilItTimesOutThenTakenOverWithoutWritingTwice() {
        Instant crash = Instant.parse("2026-11-21T10:00:00Z");
        Instant withinTimeout = crash.plus(applyProperties.claimTimeout()).minusSeconds(1);
        Instant afterTimeout = crash.plus(applyProperties.claimTimeout()).plusSeconds(1);
        // crash1's change reached Meta (its answer was lost); crash2's never left the dead process
        GRAPH.adSet("crash1", "CRASH1", "ACTIVE", 2200L, "c1").adSet("crash2", "CRASH2", "ACTIVE", 2000L, "c1");
        recommendations.put(rec("r-crash-1", crash.minusSeconds(60), "crash1", "20", "22"));
        recommendations.put(rec("r-crash-2", crash.minusSeconds(60), "crash2", "20", "22"));
        ApplyLedger crashed = new ApplyLedger(jdbc, Clock.fixed(crash, ZoneOffset.UTC), applyProperties);
        assertThat(crashed.claim("r-crash-1", "123", "crash1", false)).isEqualTo(ApplyLedger.Claim.CLAIMED);
        assertThat(crashed.claim("r-crash-2", "123", "crash2", false)).isEqualTo(ApplyLedger.Claim.CLAIMED);

        for (String id : List.of("r-crash-1", "r-crash-2")) {
            ApplyResult early = at(withinTimeout).apply(id, "test");
            assertThat(early.items().get(0).outcome()).isEqualTo(ApplyOutcome.IN_PROGRESS);
        }
        assertThat(GRAPH.writes())
                .noneMatch(w -> w.path().endsWith("/crash1") || w.path().endsWith("/crash2"));

        ApplyResult reached = at(afterTimeout).apply("r-crash-1", "test");
        assertThat(reached.items().get(0).outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
        assertThat(reached.items().get(0).note()).isEqualTo(ApplyService.TAKEN_OVER_ALREADY_THERE);
        ApplyResult lost = at(afterTimeout).apply("r-crash-2", "test");
        assertThat(lost.items().get(0).outcome()).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(lost.items().get(0).note()).isEqualTo(ApplyService.TAKEN_OVER_SENT);
        // the audit says it too, and a first apply of an ad set has no note
        assertThat(jdbc.sql("select note from meta_audit where recommendation_id = :r")
                        .param("r", "r-crash-1")
                        .query(String.class)
                        .list())
                .containsExactly(ApplyService.TAKEN_OVER_ALREADY_THERE);
        assertThat(jdbc.sql("select note from meta_audit where recommendation_id = :r")
                        .param("r", "r-crash-2")
                        .query(String.class)
                        .list())
                .containsExactly(ApplyService.TAKEN_OVER_SENT);
        assertThat(jdbc.sql("select count(*) from meta_audit where note is not null and recommendation_id not like "
                                + "'r-crash-%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(GRAPH.writes()).noneMatch(w -> w.path().endsWith("/crash1"));
        assertThat(GRAPH.writes()).filteredOn(w -> w.path().endsWith("/crash2")).hasSize(1);
        assertThat(at(afterTimeout).apply("r-crash-2", "test").items().get(0).outcome())
                .isEqualTo(ApplyOutcome.ALREADY_APPLIED);
    }
}
