package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.WebApiTest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The optimize endpoint through the real HTTP server, as n8n or curl would call it. */
class OptimizeApiTest extends WebApiTest {
    static final String OPTIMIZE = "/api/v1/meta_ads/optimize";
    static final Path EXAMPLES = Path.of("docs/examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    static ObjectNode example() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(EXAMPLES.resolve("optimize-request.json")));
    }

    private JsonNode ok(String body) {
        HttpResponse<String> response = http.postJson(OPTIMIZE, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private JsonNode badRequest(String body) {
        HttpResponse<String> response = http.postJson(OPTIMIZE, body);
        assertProblem(response, 400, "Invalid request");
        return JSON.readTree(response.body());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void allocatesTheWholeBudgetOfTheDocumentedExample() throws IOException {
        JsonNode body = ok(example().toString());
        double sum = 0;
        for (JsonNode adset : body.get("adsets")) {
            sum += adset.get("recommended_budget").asDouble();
            assertThat(adset.get("action").asString()).isIn("increase", "decrease", "hold", "pause");
            assertThat(adset.get("probability_best").asDouble()).isBetween(0.0, 1.0);
            assertThat(adset.get("reasons").size()).isPositive();
        }
        assertThat(sum).isCloseTo(130.0, Offset.offset(0.005));
        assertThat(body.at("/summary/allocated").asDouble()).isCloseTo(130.0, Offset.offset(0.005));
        assertThat(body.get("adsets").get(5).get("recommended_budget").asDouble())
                .as("paused ad set")
                .isZero();
        assertThat(body.get("adsets").get(5).get("action").asString()).isEqualTo("pause");
        assertThat(body.get("method").asString()).isNotBlank();
        assertThat(body.get("version").asString()).isNotBlank();
    }

    @Test
    void documentedResponseIsWhatTheServerAnswers() throws IOException {
        JsonNode body = ok(example().toString());
        JsonNode documented = JSON.readTree(Files.readString(EXAMPLES.resolve("optimize-response.json")));
        // each answer is a new stored recommendation: only its id differs from the documented one
        assertThat(body.get("recommendation_id").asString()).matches("[0-9a-f-]{36}");
        ((ObjectNode) body)
                .put("recommendation_id", documented.get("recommendation_id").asString());
        assertThat(body)
                .as("docs/examples/optimize-response.json is stale: regenerate it from the server")
                .isEqualTo(documented);
    }

    @Test
    void sameRequestGivesTheSameAnswerByteForByte() throws IOException {
        ObjectNode request = example();
        request.remove("seed");
        // every answer is a new stored recommendation: all but its recommendation_id is identical
        String first = withoutRecommendationId(
                http.postJson(OPTIMIZE, request.toString()).body());
        String second = withoutRecommendationId(
                http.postJson(OPTIMIZE, request.toString()).body());
        assertThat(second).isEqualTo(first);
        assertThat(JSON.readTree(first).get("seed").asLong())
                .as("derived seed is reported")
                .isNotZero();
    }

    @Test
    void brandNewAdSetWithNothingButAnIdIsFunded() {
        JsonNode body = ok("""
                {"budget":{"total":100},"adsets":[{"id":"a"},{"id":"b"}]}""");
        assertThat(body.get("adsets").get(0).get("recommended_budget").asDouble()
                        + body.get("adsets").get(1).get("recommended_budget").asDouble())
                .isCloseTo(100.0, Offset.offset(0.005));
    }

    @Test
    void handlesFiveThousandAdSets() {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("budget").put("total", 50_000).put("max_change_ratio", 0.5);
        ArrayNode adsets = request.putArray("adsets");
        IntStream.range(0, 5_000).forEach(i -> {
            ObjectNode a = adsets.addObject().put("id", "as-" + i).put("current_budget", 10.0);
            a.putObject("metrics")
                    .put("spend", 70.0)
                    .put("impressions", 20_000 + i)
                    .put("clicks", 200 + i % 50)
                    .put("conversions", i % 17)
                    .put("revenue", 3.5 * (i % 17));
        });
        JsonNode body = ok(request.toString());
        assertThat(body.get("adsets").size()).isEqualTo(5_000);
        assertThat(body.at("/summary/allocated").asDouble()).isCloseTo(50_000.0, Offset.offset(0.005));
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        JsonNode problem = badRequest("""
                {"objective":"clicks","currency":"euro","budget":{"total":-5,"exploration_share":2},
                 "risk_aversion":-1,"early_stop":{"confidence":1.5},
                 "adsets":[
                   {"id":"a","status":"ARCHIVED","metrics":{"spend":10,"impressions":5,"clicks":9,"conversions":1}},
                   {"id":"a","daily":[{"date":"2026-11-02","spend":1,"conversions":0},
                                      {"date":"2026-11-01","spend":1,"conversions":0},
                                      {"date":"2026-11-01","spend":1,"conversions":0}]},
                   {"name":"no id","daily":[{"date":"2026-11-01","spend":5,"clicks":2,"conversions":3}]},
                   {"id":"c","prior":{"weight":0}}
                 ]}""");
        assertThat(fields(problem))
                .contains(
                        "objective",
                        "currency",
                        "budget.total",
                        "budget.exploration_share",
                        "risk_aversion",
                        "early_stop.confidence",
                        "adsets[0].status",
                        "adsets[0].metrics.clicks",
                        "adsets[1].id",
                        "adsets[1].daily[1].date",
                        "adsets[1].daily[2].date",
                        "adsets[2].id",
                        "adsets[2].daily[0].conversions",
                        "adsets[3].prior",
                        "adsets[3].prior.weight");
    }

    @Test
    void rejectsEmptyAdSetList() {
        assertThat(fields(badRequest("{\"budget\":{\"total\":10},\"adsets\":[]}")))
                .containsExactly("adsets");
        assertThat(fields(badRequest("{\"budget\":{\"total\":10}}"))).containsExactly("adsets");
        assertThat(fields(badRequest("{\"adsets\":[{\"id\":\"a\"}]}"))).containsExactly("budget");
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        JsonNode problem = badRequest("{\"budget\":{\"total\":10},");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("line 1");
    }

    @Test
    void rejectsWrongTypesNamingThePath() {
        JsonNode problem = badRequest("{\"budget\":{\"total\":\"lots\"},\"adsets\":[{\"id\":\"a\"}]}");
        assertThat(fields(problem)).containsExactly("budget.total");
        JsonNode nested = badRequest("{\"budget\":{\"total\":10},\"adsets\":[{\"id\":\"a\","
                + "\"daily\":[{\"date\":\"yesterday\",\"spend\":1,\"conversions\":0}]}]}");
        assertThat(fields(nested)).containsExactly("adsets[0].daily[0].date");
    }

    @Test
    void rejectsNanInfinityAndOverflow() {
        assertThat(fields(badRequest("{\"budget\":{\"total\":NaN},\"adsets\":[{\"id\":\"a\"}]}")))
                .hasSize(1);
        assertThat(fields(badRequest("{\"budget\":{\"total\":1e400},\"adsets\":[{\"id\":\"a\"}]}")))
                .containsExactly("budget.total");
        assertThat(fields(badRequest(
                        "{\"budget\":{\"total\":10},\"seed\":99999999999999999999999,\"adsets\":[{\"id\":\"a\"}]}")))
                .containsExactly("seed");
    }

    @Test
    void rejectsUnknownFieldsSoTyposDoNotPassSilently() {
        JsonNode problem = badRequest("{\"budget\":{\"total\":10,\"min_per_adsett\":1},\"adsets\":[{\"id\":\"a\"}]}");
        assertThat(fields(problem)).containsExactly("budget.min_per_adsett");
    }

    @Test
    void infeasibleMinimumsAre422WithTheShortfall() {
        HttpResponse<String> response = http.postJson(
                OPTIMIZE, "{\"budget\":{\"total\":10,\"min_per_adset\":6},\"adsets\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
        assertProblem(response, 422, "Constraints cannot all hold");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("constraint").asString()).isEqualTo("budget.min_per_adset");
        assertThat(problem.get("shortfall").asDouble()).isCloseTo(2.0, Offset.offset(1e-9));
    }

    @Test
    void changeCapsThatCannotReachTheTotalAre422() {
        HttpResponse<String> response = http.postJson(OPTIMIZE, """
                {"budget":{"total":500,"max_change_ratio":0.2},
                 "adsets":[{"id":"a","current_budget":100},{"id":"b","current_budget":100}]}""");
        assertProblem(response, 422, "Constraints cannot all hold");
        assertThat(JSON.readTree(response.body()).get("constraint").asString()).isEqualTo("budget.max_change_ratio");
    }

    @Test
    void minimumAboveMaximumIs422() {
        HttpResponse<String> response = http.postJson(
                OPTIMIZE,
                "{\"budget\":{\"total\":100,\"min_per_adset\":30,\"max_per_adset\":20},"
                        + "\"adsets\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
        assertProblem(response, 422, "Constraints cannot all hold");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] chunk = ("{\"pad\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}").getBytes();
        HttpResponse<String> response = http.send(http.request(OPTIMIZE)
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunk)))
                .build());
        assertProblem(response, 413, "Content Too Large");
    }

    @Test
    void openApiCarriesTheDocumentedExamples() throws IOException {
        JsonNode spec = JSON.readTree(
                http.send(http.request("/v3/api-docs").GET().build()).body());
        JsonNode post = spec.at("/paths/~1api~1v1~1meta_ads~1optimize/post");
        assertThat(post.at("/requestBody/content/application~1json/examples/optimize-request/value/budget/total")
                        .asDouble())
                .isEqualTo(130.0);
        assertThat(post.at("/responses/200/content/application~1json/examples/optimize-response/value/adsets")
                        .size())
                .isEqualTo(6);
        assertThat(spec.at("/components/schemas/AllocationSummary/properties/expected_revenue")
                        .isMissingNode())
                .as("schemas use the wire's snake_case names")
                .isFalse();
        assertThat(spec.at("/components/schemas/EarlyStopRules/properties/min_spend_multiple")
                        .isMissingNode())
                .isFalse();
        assertThat(spec.at("/components/schemas/EarlyStopVerdict/properties/probability_above_target")
                        .isMissingNode())
                .isFalse();
        assertThat(post.at("/responses/422/content/application~1problem+json/schema/$ref")
                        .asString())
                .endsWith("/Problem");
        try (InputStream in = getClass().getResourceAsStream("/examples/optimize-422.json")) {
            assertThat(in).as("422 example on the class path").isNotNull();
        }
    }

    private static String withoutRecommendationId(String body) {
        assertThat(body).startsWith("{\"recommendation_id\":\"");
        return body.replaceFirst("^\\{\"recommendation_id\":\"[0-9a-f-]{36}\",", "{");
    }
}
