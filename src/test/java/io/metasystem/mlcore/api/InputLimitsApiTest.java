package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.LiveMetaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The documented number limits (docs/api.md, limits): a 400 naming the field, and never a 500 past them. */
class InputLimitsApiTest extends LiveMetaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "7701";

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void issue13DailyRevenueOf1e308IsA400NamingTheField() throws IOException {
        ObjectNode request = OptimizeApiTest.example();
        ObjectNode day = (ObjectNode) request.get("adsets").get(0).get("daily").get(0);
        day.put("revenue", 1e308);
        HttpResponse<String> response = http.postJson(OptimizeApiTest.OPTIMIZE, request.toString());
        assertProblem(response, 400, "Invalid request");
        assertThat(fields(response)).containsExactly("adsets[0].daily[0].revenue");
        assertThat(response.body()).contains("at most 1e9");
    }

    @Test
    void moneyJustOverTheDailyLimitAndCountsOverTheCountLimitAreRefusedTogether() throws IOException {
        ObjectNode request = OptimizeApiTest.example();
        ((ObjectNode) request.get("budget")).put("total", FieldChecks.MAX_MONEY_PER_DAY * 1.001);
        ObjectNode day = (ObjectNode) request.get("adsets").get(1).get("daily").get(2);
        day.put("spend", FieldChecks.MAX_MONEY_PER_DAY + 1);
        day.put("impressions", FieldChecks.MAX_COUNT * 2);
        HttpResponse<String> response = http.postJson(OptimizeApiTest.OPTIMIZE, request.toString());
        assertProblem(response, 400, "Invalid request");
        assertThat(fields(response))
                .contains("budget.total", "adsets[1].daily[2].spend", "adsets[1].daily[2].impressions");
    }

    @Test
    void theLimitsThemselvesAreAccepted() throws IOException {
        ObjectNode request = OptimizeApiTest.example();
        ObjectNode day = (ObjectNode) request.get("adsets").get(0).get("daily").get(0);
        day.put("revenue", FieldChecks.MAX_MONEY_PER_DAY);
        HttpResponse<String> response = http.postJson(OptimizeApiTest.OPTIMIZE, request.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aProductPastTheOldNumericColumnsIsStoredSafelyAndReadBack() {
        // Within every input limit, but 1e9 of budget at a CPA of 1e-10 is 1e19 expected conversions: past the
        // numeric(18, 6) columns recommendations had before the compact payload (V70), which now holds it as a double.
        String body = "{\"objective\":\"conversions\",\"budget\":{\"total\":1e9},\"seed\":1,\"adsets\":["
                + "{\"id\":\"a\",\"metrics\":{\"spend\":0.0001,\"impressions\":1e12,\"clicks\":1e12,"
                + "\"conversions\":1e12}},{\"id\":\"b\",\"metrics\":{\"spend\":10,\"conversions\":1}}]}";
        HttpResponse<String> response = http.postJson(OptimizeApiTest.OPTIMIZE, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("summary").get("expected_conversions").asDouble()).isGreaterThan(1e18);
        HttpResponse<String> stored = http.get(
                "/api/v1/recommendations/" + answer.get("recommendation_id").asString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).contains(answer.get("recommendation_id").asString());
    }

    @Test
    void csvImportNamesTheColumnOfAnAmountOverTheLimit() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("docs/examples/ads_manager_export.csv")));
        String[] cells = lines.get(1).split(",", -1);
        cells[7] = "1e10"; // Amount spent (EUR)
        lines.set(1, String.join(",", cells));
        HttpResponse<String> response = http.send(http.request("/api/v1/accounts/" + ACCOUNT + "/insights.csv")
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines)))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("Amount spent (EUR)").contains("at most 1e9");
    }

    @Test
    void jsonImportRefusesAnAstronomicalExponentQuickly() throws IOException {
        ObjectNode insights = (ObjectNode) JSON.readTree(Files.readString(Path.of("docs/examples/meta_insights.json")));
        ((ObjectNode) insights.get("data").get(0)).put("spend", "1e999999999");
        long start = System.nanoTime();
        HttpResponse<String> response = http.postJson("/api/v1/accounts/" + ACCOUNT + "/insights", insights.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("data[0].spend").contains("at most 1e9");
        assertThat(millis).as("answer time in ms").isLessThan(5_000);
    }

    @Test
    void predictRefusesNumbersOutsideTheLimitNamingTheFeature() {
        HttpResponse<String> response =
                http.postJson("/api/v1/ml/predict", "{\"scope\":\"kag\",\"numeric\":{\"log_spend\":1e300}}");
        assertProblem(response, 400, "Invalid request");
        assertThat(fields(response)).containsExactly("numeric.log_spend");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/message").asString()).contains("1e12");
    }
}
