package io.metasystem.mlcore.api;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written daily-row reader gives what Jackson's record deserializer gives: values, and errors with paths. */
class DailyDeserializerTest {
    private static final TypeReference<List<OptimizeRequest.Daily>> ROWS = new TypeReference<>() {};
    private static final JsonMapper FAST = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** Without annotations: the plain record deserializer the fast reader replaces. */
    private static final JsonMapper PLAIN =
            FAST.rebuild().disable(MapperFeature.USE_ANNOTATIONS).build();

    private static final String[] DATES = {
        "\"2026-10-01\"",
        "\"2024-02-29\"",
        "\"2026-02-30\"",
        "\"2026-13-01\"",
        "\"2026-1-01\"",
        "\"2026-10-01T00:00:00\"",
        "\"20261001\"",
        "\"abcd-ef-gh\"",
        "\" 2026-10-01\"",
        "null",
        "17",
        "[]",
        "\"\"",
        "{}"
    };
    private static final String[] NUMBERS = {
        "12.5", "0", "-3", "1e3", "1.7976931348623157E308", "\"4.25\"", "\"x\"", "null", "true", "[1]", "{}", "\"\""
    };
    private static final String[] FIELDS = {"date", "spend", "impressions", "clicks", "conversions", "revenue"};

    @Test
    void readsWhatTheRecordDeserializerReadsAndFailsWhereItFails() {
        Random random = new Random(20261203L);
        int failures = 0;
        for (int i = 0; i < 3000; i++) {
            String json = rows(random);
            Object fast = read(FAST, json);
            Object plain = read(PLAIN, json);
            assertThat(fast).as(json).isEqualTo(plain);
            failures += fast instanceof String ? 1 : 0;
        }
        assertThat(failures).as("the generator also makes invalid rows").isBetween(300, 2700);
    }

    @Test
    void readsACommonRow() {
        assertThat(read(
                        FAST,
                        "[{\"date\":\"2026-10-01\",\"spend\":12.5,\"impressions\":1000,\"clicks\":40,"
                                + "\"conversions\":2,\"revenue\":30.25}]"))
                .isEqualTo(read(
                        PLAIN,
                        "[{\"spend\":12.5,\"date\":\"2026-10-01\",\"revenue\":30.25,"
                                + "\"impressions\":1000,\"clicks\":40,\"conversions\":2}]"));
    }

    private static String rows(Random random) {
        StringBuilder json = new StringBuilder("[");
        int n = 1 + random.nextInt(3);
        for (int r = 0; r < n; r++) {
            json.append(r == 0 ? "" : ",");
            if (random.nextInt(40) == 0) {
                json.append(random.nextBoolean() ? "null" : "[1]");
                continue;
            }
            json.append('{');
            boolean first = true;
            for (String field : FIELDS) {
                if (random.nextInt(8) == 0) {
                    continue;
                }
                boolean odd = random.nextInt(6) == 0;
                String value = field.equals("date")
                        ? (odd ? DATES[random.nextInt(DATES.length)] : DATES[random.nextInt(2)])
                        : (odd ? NUMBERS[random.nextInt(NUMBERS.length)] : NUMBERS[random.nextInt(5)]);
                json.append(first ? "" : ",")
                        .append('"')
                        .append(field)
                        .append("\":")
                        .append(value);
                first = false;
            }
            if (random.nextInt(30) == 0) {
                json.append(first ? "" : ",").append("\"unknown\":1");
            }
            json.append('}');
        }
        return json.append(']').toString();
    }

    /** The rows, or the failure as the problem handler reads it: exception type, JSON path and target type. */
    private static Object read(JsonMapper mapper, String json) {
        try {
            return mapper.readValue(json, ROWS);
        } catch (JacksonException e) {
            String target = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? m.getTargetType().getSimpleName()
                    : "-";
            return e.getClass().getSimpleName() + " at " + ProblemHandler.jsonPath(e.getPath()) + " expecting "
                    + target;
        }
    }
}
