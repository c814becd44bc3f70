package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.Recommendation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RecommendationViewTest {
    private static Recommendation stored(JsonNode response) {
        return new Recommendation(
                "r-1",
                "123",
                OffsetDateTime.parse("2026-11-27T08:00:00Z"),
                "hash",
                null,
                response,
                "0.2.0",
                null,
                "EUR",
                new BigDecimal("130"),
                List.of(),
                null);
    }

    @Test
    void readsEveryShownFieldFromTheDocumentedOptimizeAnswer() throws Exception {
        JsonNode response = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("docs", "examples", "optimize-response.json")));
        RecommendationView view = RecommendationView.of(stored(response));
        assertThat(view.lines()).hasSize(response.path("adsets").size());
        RecommendationView.Line first = view.lines().get(0);
        assertThat(first.adsetId()).isEqualTo("23851234567890001");
        assertThat(first.action()).isEqualTo("increase");
        assertThat(first.currentBudget()).isEqualTo(40.0);
        assertThat(first.recommendedBudget()).isEqualTo(52.0);
        assertThat(first.budgetChange()).isCloseTo(12.0, within(1e-9));
        assertThat(first.probabilityBest()).isEqualTo(0.9075);
        assertThat(first.cpaLow()).isCloseTo(1.7067, within(1e-4));
        assertThat(first.cpaHigh()).isCloseTo(2.2462, within(1e-4));
        assertThat(first.reasons()).hasSize(4).first().asString().startsWith("CPA 1.95 EUR");
        RecommendationView.Line paused = view.lines().get(3);
        assertThat(paused.action()).isEqualTo("pause");
        assertThat(paused.expectedCpa()).isNull();
        assertThat(paused.cpaLow()).isNull();
        assertThat(view.warnings()).isNotEmpty();
        assertThat(view.expectedConversions()).isCloseTo(55.36, within(0.01));
    }

    @Test
    void curvesOfTheDocumentedAnswerPassThroughEveryFundedAdSetsFigures() throws Exception {
        JsonNode response = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("docs", "examples", "optimize-response.json")));
        RecommendationView view = RecommendationView.of(stored(response));
        // total 130 over 5 active ad sets
        assertThat(view.referenceSpend()).hasValueSatisfying(r -> assertThat(r).isCloseTo(26.0, within(1e-6)));
        for (RecommendationView.Line l : view.lines()) {
            if (l.recommendedBudget() > 0) {
                assertThat(l.curve(26.0).orElseThrow().expectedConversions(l.recommendedBudget()))
                        .as(l.adsetId())
                        .isCloseTo(l.expectedConversions(), within(1e-9));
            }
        }
        RecommendationView.Line stopped = view.lines().get(3);
        assertThat(stopped.earlyStop().stop()).isTrue();
        assertThat(stopped.earlyStop().probabilityAboveTarget()).isCloseTo(0.9942, within(1e-4));
        assertThat(stopped.earlyStop().reason()).startsWith("early stop:");
        assertThat(view.lines().get(5).earlyStop().probabilityAboveTarget()).isNull();

        Map<String, String> charts =
                ResponseCurveCharts.of(view, new ResponseCurveCharts.Labels("curve", "now", "recommended"));
        assertThat(charts)
                .containsKeys(view.lines().get(0).adsetId(), view.lines().get(3).adsetId());
        JsonNode first = JsonMapper.builder()
                .build()
                .readTree(charts.get(view.lines().get(0).adsetId()));
        assertThat(first.path("x_type").asString()).isEqualTo("value");
        JsonNode recommended = first.path("series").get(2).path("points").get(0);
        assertThat(recommended.get(0).asDouble()).isEqualTo(52.0);
        assertThat(recommended.get(1).asDouble()).isCloseTo(view.lines().get(0).expectedConversions(), within(1e-4));
        assertThat(first.path("series").get(0).path("points")).hasSize(ResponseCurveCharts.STEPS + 1);
    }

    @Test
    void aRecommendationWithoutItsResponseShowsNoLines() {
        RecommendationView view = RecommendationView.of(stored(null));
        assertThat(view.lines()).isEmpty();
        assertThat(view.warnings()).isEmpty();
        assertThat(view.expectedConversions()).isNull();
    }
}
