package io.metasystem.mlcore.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecommendationPayloadTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = StoredJson.MAPPER;

    /**
     * A version-1 payload written by {@code main} at 19db3b8 (optimize of {@code bench/make_body.py 100}, read from
     * the H2 file), the optimize answer's JSON text as sent, and the lines ({@code GET /api/v1/recommendations/{id}},
     * decimals as text). Never regenerate these: they pin what old rows decode to.
     */
    static final String GOLDEN_V1 = "/store/recommendation-payload-v1";

    static byte[] resource(String name) {
        try (InputStream in = RecommendationPayloadTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCommittedVersion1PayloadDecodesToTheAnswerItWasWrittenFor() {
        byte[] v1 = resource(GOLDEN_V1 + ".bin");
        assertThat(v1[0]).isEqualTo((byte) 1);
        RecommendationPayload.Content content = RecommendationPayload.decode(v1);
        String answer = new String(resource(GOLDEN_V1 + ".response.json"), StandardCharsets.UTF_8);
        assertThat(JSON.writeValueAsString(content.response())).isEqualTo(answer);
        JsonNode lines = JSON.readTree(resource(GOLDEN_V1 + ".lines.json"));
        assertThat(content.adSets()).hasSize(lines.size()).hasSize(100);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode expected = lines.get(i);
            Recommendation.RecommendedAdSet line = content.adSets().get(i);
            assertThat(line.adsetId()).isEqualTo(expected.get("adset_id").asString());
            assertThat(line.name()).isEqualTo(expected.get("name").asString());
            assertThat(line.currentBudget())
                    .isEqualByComparingTo(expected.get("current_budget").asString());
            assertThat(line.recommendedBudget())
                    .isEqualByComparingTo(expected.get("recommended_budget").asString());
            assertThat(line.expectedConversions().doubleValue())
                    .isEqualTo(Double.parseDouble(
                            expected.get("expected_conversions").asString()));
            assertThat(line.expectedRevenue().doubleValue())
                    .isEqualTo(
                            Double.parseDouble(expected.get("expected_revenue").asString()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void randomTreesAndLinesComeBackWithTheSameTypesKeyOrderAndBits(int version) {
        Random random = new Random(20261202);
        for (int trial = 0; trial < 300; trial++) {
            ObjectNode tree = NODES.objectNode();
            tree.set("answer", tree(random, 0));
            List<Recommendation.RecommendedAdSet> lines = lines(random);
            assertRoundTrip(encode(version, lines, tree), lines, tree);
        }
    }

    @Test
    void version2RoundTripsSeededRandomAnswersWithDerivedValuesAndLinesLikeTheirAdSets() {
        for (long seed = 1; seed <= 400; seed++) {
            Random random = new Random(seed);
            ObjectNode answer = answer(random);
            List<Recommendation.RecommendedAdSet> lines = linesLike(random, answer);
            byte[] v2 = RecommendationPayload.encode(lines, answer);
            assertThat(v2[0]).isEqualTo((byte) 2);
            assertRoundTrip(v2, lines, answer);
        }
    }

    @Test
    void version2RoundTripsRealAnswers() {
        RecommendationPayload.Content golden = RecommendationPayload.decode(resource(GOLDEN_V1 + ".bin"));
        assertRoundTrip(
                RecommendationPayload.encode(golden.adSets(), golden.response()), golden.adSets(), golden.response());
        for (String example : List.of(
                "/examples/optimize-response.json",
                "/examples/account-optimize-response.json",
                "/examples/recommendation-response.json")) {
            JsonNode answer = JSON.readTree(resource(example));
            List<Recommendation.RecommendedAdSet> lines = new ArrayList<>();
            for (JsonNode a : answer.path("adsets")) {
                lines.add(new Recommendation.RecommendedAdSet(
                        a.path("id").asString(),
                        a.path("name").asString(null),
                        a.path("current_budget").isNumber()
                                ? BigDecimal.valueOf(a.path("current_budget").doubleValue())
                                : null,
                        BigDecimal.valueOf(a.path("recommended_budget").doubleValue()),
                        BigDecimal.valueOf(a.path("expected_conversions").doubleValue()),
                        a.path("expected_revenue").isNumber()
                                ? BigDecimal.valueOf(a.path("expected_revenue").doubleValue())
                                : null));
            }
            assertRoundTrip(RecommendationPayload.encode(lines, answer), lines, answer);
        }
    }

    @Test
    void version2IsSmallerThanVersion1OnAHundredAdSetAnswer() {
        RecommendationPayload.Content golden = RecommendationPayload.decode(resource(GOLDEN_V1 + ".bin"));
        int v1 = RecommendationPayload.encodeVersion1(golden.adSets(), golden.response()).length;
        int v2 = RecommendationPayload.encode(golden.adSets(), golden.response()).length;
        System.out.printf("100 ad sets: version 1 %,d B, version 2 %,d B%n", v1, v2);
        assertThat(v1).isEqualTo(resource(GOLDEN_V1 + ".bin").length);
        assertThat(v2).isLessThan(v1 * 4 / 5);
    }

    @Test
    void numbersInStringsAreRoundedFromTheExactBinaryValue() {
        assertThat(RecommendationPayload.rounded(2.675, 2))
                .isEqualTo("2.67"); // 2.67499999999999982236431605997495353221893310546875
        assertThat(RecommendationPayload.rounded(0.125, 2)).isEqualTo("0.13");
        assertThat(RecommendationPayload.rounded(-0.0, 2)).isEqualTo("0.00");
        assertThat(RecommendationPayload.rounded(170.93, 2)).isEqualTo("170.93");
        assertThat(RecommendationPayload.rounded(1e20, 0)).isEqualTo("100000000000000000000");
        ObjectNode tree = NODES.objectNode();
        tree.put("v", 2.675);
        tree.put("w", 0.125);
        tree.put("text", "2.68 2.67 0.13 0.12 2.675 -2.67 2.670 x2.67 2.67x 1.2.67");
        assertRoundTrip(RecommendationPayload.encode(List.of(), tree), List.of(), tree);
    }

    @Test
    void theFastRoundingGivesTheTextOfExactBigDecimalRounding() {
        Random random = new Random(20261204);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(16);
            double v = switch (i % 5) {
                case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(16) - 4);
                case 1 -> (random.nextInt(1_000_000) + 0.5) / Math.pow(10, decimals); // near ties
                case 2 -> Math.round(random.nextDouble() * 1e6) / 100.0;
                case 3 -> Math.nextUp((random.nextInt(100_000) + 0.5) / Math.pow(10, Math.min(decimals, 6)));
                default -> random.nextDouble();
            };
            assertThat(RecommendationPayload.rounded(v, decimals))
                    .as("%s to %d decimals", v, decimals)
                    .isEqualTo(RecommendationPayload.exactlyRounded(v, decimals));
        }
        for (double v :
                new double[] {0.0, -0.0, 0.5, 1.5, 2.5, 2.675, 1.005, 0.125, 999999999999.5, 1e12, 1e15, 1e300}) {
            for (int decimals = 0; decimals <= 15; decimals++) {
                assertThat(RecommendationPayload.rounded(v, decimals))
                        .isEqualTo(RecommendationPayload.exactlyRounded(v, decimals));
            }
        }
    }

    @Test
    void truncatedOrCorruptVersion2PayloadsAreRefused() {
        RecommendationPayload.Content golden = RecommendationPayload.decode(resource(GOLDEN_V1 + ".bin"));
        byte[] v2 = RecommendationPayload.encode(golden.adSets(), golden.response());
        for (int length : new int[] {1, 2, 3, 100, v2.length / 2, v2.length - 1}) {
            assertThatThrownBy(() -> RecommendationPayload.decode(Arrays.copyOf(v2, length)))
                    .as("first %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] encode(int version, List<Recommendation.RecommendedAdSet> lines, JsonNode tree) {
        return version == 1
                ? RecommendationPayload.encodeVersion1(lines, tree)
                : RecommendationPayload.encode(lines, tree);
    }

    /** Same lines, same tree (node types, key order, raw bits of every double), same JSON text. */
    private static void assertRoundTrip(byte[] payload, List<Recommendation.RecommendedAdSet> lines, JsonNode tree) {
        RecommendationPayload.Content back = RecommendationPayload.decode(payload);
        assertThat(back.adSets()).isEqualTo(lines);
        assertThat(back.response()).isEqualTo(tree);
        assertSameBits(back.response(), tree);
        assertThat(JSON.writeValueAsString(back.response())).isEqualTo(JSON.writeValueAsString(tree));
    }

    private static void assertSameBits(JsonNode actual, JsonNode expected) {
        assertThat(actual.getNodeType()).isEqualTo(expected.getNodeType());
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected.isDouble()) {
            assertThat(Double.doubleToRawLongBits(actual.doubleValue()))
                    .isEqualTo(Double.doubleToRawLongBits(expected.doubleValue()));
        } else if (expected.isContainer()) {
            assertThat(actual.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
            assertThat(actual.size()).isEqualTo(expected.size());
            for (int i = 0; expected.isArray() && i < expected.size(); i++) {
                assertSameBits(actual.get(i), expected.get(i));
            }
            for (String key : expected.propertyNames()) {
                assertSameBits(actual.get(key), expected.get(key));
            }
        }
    }

    /** An answer-like tree: ad sets with budgets, derived figures (quotients, products, sums, copies) and noise. */
    private static ObjectNode answer(Random random) {
        ObjectNode answer = NODES.objectNode();
        answer.put("recommendation_id", "r-" + random.nextInt(1000));
        ArrayNode adSets = answer.putArray("adsets");
        int n = random.nextInt(30);
        double total = 0;
        for (int i = 0; i < n; i++) {
            ObjectNode a = adSets.addObject();
            if (random.nextInt(10) > 0) {
                a.put("id", "2385" + random.nextInt(100000));
            }
            if (random.nextBoolean()) {
                a.put("name", "Ad set " + i);
            }
            double current = Math.round(random.nextDouble() * 30000) / 100.0;
            double recommended = random.nextInt(8) == 0 ? -0.0 : Math.round(random.nextDouble() * 30000) / 100.0;
            double conversions = random.nextInt(10) == 0 ? 0.0 : random.nextDouble() * 80;
            double orderValue = random.nextDouble() * 10;
            a.put("recommended_budget", recommended);
            a.put("current_budget", current);
            a.put("change", recommended - current);
            a.put("expected_conversions", conversions);
            a.put("expected_revenue", random.nextInt(5) == 0 ? Double.NaN : conversions * orderValue);
            a.put("expected_cpa", recommended / conversions);
            a.putArray("interval").add(random.nextDouble()).add(random.nextGaussian() * 1e-200);
            ObjectNode posterior = a.putObject("posterior");
            double shape = random.nextDouble() * 1000;
            double rate = random.nextDouble() * 3000;
            posterior.put("shape", shape);
            posterior.put("rate", rate);
            posterior.put("conversions_per_unit", shape / rate);
            posterior.put("count", random.nextInt(50));
            posterior.put("order_value", random.nextBoolean() ? orderValue : Double.POSITIVE_INFINITY);
            posterior.put("copy", random.nextBoolean() ? shape : -shape);
            a.putArray("reasons")
                    .add(String.format(
                            Locale.ROOT,
                            "CPA %.2f EUR (90 %% CI %.2f–%.3f) vs target 10.00 at %.2f EUR/day",
                            recommended / conversions,
                            conversions,
                            shape,
                            recommended))
                    .add(String.format(
                            Locale.ROOT, "θ = %.1f, %.0f, -%.2f, %s, %.2f", rate, rate, shape, shape, -shape))
                    .add(random.nextInt(100) + "." + random.nextInt(100) + " 1.2.3 007 .5 12345678901234567890.5 "
                            + (random.nextBoolean() ? "0.00" : "2.675 1.005 0.125"));
            total += recommended;
        }
        ObjectNode summary = answer.putObject("summary");
        summary.put("total_budget", total);
        summary.put("allocated", total);
        summary.put("share", n == 0 ? 0.0 : 1.0 / n);
        summary.put("long", random.nextLong());
        summary.put("float", random.nextFloat());
        return answer;
    }

    /** Lines of the answer's ad sets, mostly equal to the tree's values, some not, some of unknown ad sets. */
    private static List<Recommendation.RecommendedAdSet> linesLike(Random random, ObjectNode answer) {
        List<Recommendation.RecommendedAdSet> lines = new ArrayList<>();
        for (JsonNode a : answer.get("adsets")) {
            if (random.nextInt(10) == 0) {
                continue;
            }
            String id = a.has("id") ? a.get("id").stringValue() : "unknown-" + random.nextInt(100);
            String name = random.nextInt(6) == 0
                    ? "other"
                    : a.has("name") ? a.get("name").stringValue() : null;
            lines.add(new Recommendation.RecommendedAdSet(
                    id,
                    name,
                    random.nextInt(6) == 0 ? null : decimalLike(random, a.get("current_budget")),
                    decimalLike(random, a.get("recommended_budget")),
                    decimalLike(random, a.get("expected_conversions")),
                    random.nextInt(6) == 0 ? null : decimalLike(random, a.get("expected_revenue"))));
        }
        return lines;
    }

    /** Mostly {@code BigDecimal.valueOf} of the tree's double; sometimes another scale or another value. */
    private static BigDecimal decimalLike(Random random, JsonNode value) {
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            return BigDecimal.valueOf(random.nextDouble());
        }
        return switch (random.nextInt(8)) {
            case 0 -> BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
            case 1 -> BigDecimal.valueOf(v + 1);
            case 2 -> new BigDecimal("12345678901234567890.123456789");
            default -> BigDecimal.valueOf(v);
        };
    }

    @Test
    void specialDoublesKeepTheirBits() {
        ArrayNode values = NODES.arrayNode();
        for (double v : new double[] {
            -0.0,
            0.0,
            0.1,
            0.3,
            1e-300,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            123456789012.34,
            1e13,
            12.345,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            3.9544835145099356E-261,
            -170.93
        }) {
            values.add(v);
        }
        JsonNode back = RecommendationPayload.decode(RecommendationPayload.encode(List.of(), values))
                .response();
        for (int i = 0; i < values.size(); i++) {
            assertThat(back.get(i).isDouble()).isTrue();
            assertThat(Double.doubleToRawLongBits(back.get(i).doubleValue()))
                    .as("value %s", values.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(values.get(i).doubleValue()));
        }
    }

    @Test
    void aMissingResponseStaysMissingAndUnknownVersionsAreRefused() {
        assertThat(RecommendationPayload.decode(RecommendationPayload.encode(List.of(), null))
                        .response())
                .isNull();
        assertThatThrownBy(() -> RecommendationPayload.decode(new byte[] {42}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypicalAnswerIsSeveralTimesSmallerThanItsJsonText() {
        ObjectNode answer = NODES.objectNode();
        answer.put("recommendation_id", "f476f3f9-080d-4b95-9ab5-fcff37243130");
        ArrayNode adSets = answer.putArray("adsets");
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            ObjectNode a = adSets.addObject();
            a.put("id", String.valueOf(23850000000000000L + i));
            a.put("name", "Ad set " + i + " | audience " + (i % 17));
            a.put("action", i % 3 == 0 ? "increase" : "decrease");
            a.put("recommended_budget", Math.round(random.nextDouble() * 20000) / 100.0);
            a.put("expected_conversions", random.nextDouble() * 50);
            a.put("probability_best", 0.0);
            a.putArray("reasons").add("CPA " + i + " EUR vs target 10.00").add("marginal CPA for the next unit");
        }
        int json = JSON.writeValueAsBytes(answer).length;
        int stored = RecommendationPayload.encode(List.of(), answer).length;
        assertThat(stored).isLessThan(json / 3);
    }

    private static List<Recommendation.RecommendedAdSet> lines(Random random) {
        List<Recommendation.RecommendedAdSet> lines = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            lines.add(new Recommendation.RecommendedAdSet(
                    "id" + random.nextInt(1000),
                    random.nextBoolean() ? null : "name é " + i,
                    random.nextBoolean() ? null : BigDecimal.valueOf(random.nextDouble() * 100),
                    BigDecimal.valueOf(Math.round(random.nextDouble() * 10000) / 100.0),
                    random.nextBoolean() ? new BigDecimal("1.500") : BigDecimal.valueOf(random.nextDouble()),
                    random.nextBoolean() ? null : new BigDecimal("12345678901234567890.123456789")));
        }
        return lines;
    }

    private static JsonNode tree(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(10) : random.nextInt(12);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
            case 5 -> NODES.numberNode(Math.round(random.nextGaussian() * 1e6) / 100.0);
            case 6 -> NODES.numberNode(random.nextFloat());
            case 7 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(10)));
            case 8 -> NODES.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(70));
            case 9 -> NODES.stringNode("s" + random.nextInt(50) + (random.nextBoolean() ? " ünï €" : ""));
            case 10 -> {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    array.add(tree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    object.set("k" + random.nextInt(8), tree(random, depth + 1));
                }
                yield object;
            }
        };
    }
}
