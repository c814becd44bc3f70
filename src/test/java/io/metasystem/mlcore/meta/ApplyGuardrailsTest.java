package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stale-data guardrail: data age relative to today (UTC), off at 0, undated data refused only when configured. */
class ApplyGuardrailsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static ApplyGuardrails guardrails(int maxDataAgeDays, boolean requireDataDate) {
        return new ApplyGuardrails(new MetaProperties(
                null,
                null,
                "https://graph.facebook.com",
                "v23.0",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                0,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new BigDecimal("0.5"),
                BigDecimal.ONE,
                null,
                List.of("123"),
                24,
                maxDataAgeDays,
                requireDataDate));
    }

    private static AppliableRecommendation rec(LocalDate dataUntil) {
        return new AppliableRecommendation(
                "r",
                "123",
                OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(1),
                "EUR",
                List.of(new AppliableRecommendation.Target("a", "A", BigDecimal.TEN, BigDecimal.TEN)),
                dataUntil);
    }

    @Test
    void refusesDataOlderThanTheLimit() {
        assertThatThrownBy(() -> guardrails(3, false).checkRecommendation(rec(LocalDate.parse("2026-11-27")), NOW))
                .isInstanceOf(GuardrailViolationException.class)
                .hasMessageContaining("4 days ago")
                .satisfies(e -> Assertions.assertThat(((GuardrailViolationException) e).guardrail())
                        .isEqualTo("max_data_age_days"));
        assertThatCode(() -> guardrails(3, false).checkRecommendation(rec(LocalDate.parse("2026-11-28")), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void zeroSwitchesItOff() {
        assertThatCode(() -> guardrails(0, true).checkRecommendation(rec(LocalDate.parse("2020-01-01")), NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> guardrails(0, true).checkRecommendation(rec(null), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void undatedDataIsRefusedOnlyWhenRequired() {
        assertThatCode(() -> guardrails(3, false).checkRecommendation(rec(null), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guardrails(3, true).checkRecommendation(rec(null), NOW))
                .isInstanceOf(GuardrailViolationException.class)
                .hasMessageContaining("APPLY_REQUIRE_DATA_DATE");
    }
}
