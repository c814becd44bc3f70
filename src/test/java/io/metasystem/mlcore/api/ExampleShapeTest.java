package io.metasystem.mlcore.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape comparison ApiExamplesTest applies to every documented answer. */
class ExampleShapeTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void valuesIdsAndTimestampsMayDiffer() {
        assertThat(ApiExamplesTest.shapeDifferences(
                        "$",
                        json("{\"id\":\"a\",\"n\":1.5,\"at\":\"2026-10-01T00:00:00Z\",\"items\":[{\"k\":1}]}"),
                        json("{\"id\":\"b\",\"n\":2,\"at\":\"2026-12-02T06:00:00Z\",\"items\":[{\"k\":3},{\"k\":4}]}")))
                .isEmpty();
    }

    @Test
    void aMissingOrUndocumentedKeyIsADifferenceAtItsPath() {
        assertThat(ApiExamplesTest.shapeDifferences(
                        "$", json("{\"a\":{\"b\":1,\"c\":2}}"), json("{\"a\":{\"b\":1,\"d\":2}}")))
                .containsExactly("$.a.c: documented, missing from the answer", "$.a.d: not documented");
    }

    @Test
    void aChangedJsonTypeIsADifferenceAlsoInsideArrays() {
        assertThat(ApiExamplesTest.shapeDifferences(
                        "$", json("{\"items\":[{\"v\":1}],\"o\":{}}"), json("{\"items\":[{\"v\":\"1\"}],\"o\":[]}")))
                .containsExactly("$.items[0].v: documented NUMBER, got STRING", "$.o: documented an object, got ARRAY");
    }

    @Test
    void nullMatchesAnything() {
        assertThat(ApiExamplesTest.shapeDifferences("$", json("{\"a\":null}"), json("{\"a\":{\"b\":1}}")))
                .isEmpty();
    }
}
