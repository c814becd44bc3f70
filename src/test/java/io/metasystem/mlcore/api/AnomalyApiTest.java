package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The anomaly routes through the real HTTP server (the shared plain API context). */
class AnomalyApiTest extends WebApiTest {
    static final String DETECT = "/api/v1/anomalies/detect";
    static final Path EXAMPLES = Path.of("docs/examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    static ObjectNode example() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(EXAMPLES.resolve("anomalies-detect-request.json")));
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void theDocumentedExampleFindsTheCtrDropAndTheDeliveryStopOnTheirFirstDays() throws IOException {
        HttpResponse<String> response = http.postJson(DETECT, example().toString());
        JsonNode body = ok(response);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/anomalies-detect-response.json"), response.body());
        List<String> found = new ArrayList<>();
        body.get("anomalies")
                .forEach(a -> found.add(a.get("adset_id").asString() + " "
                        + a.get("date").asString() + " " + a.get("metric").asString() + " "
                        + a.get("kind").asString()));
        assertThat(found)
                .contains("23851234567890001 2026-10-13 ctr level_shift")
                .contains("23851234567890002 2026-10-17 spend delivery_stop");
        assertThat(found)
                .noneMatch(f -> f.startsWith("23851234567890001 2026-10-1")
                        && f.endsWith("ctr level_shift")
                        && !f.contains("2026-10-13"));
        JsonNode ctr = body.get("anomalies")
                .valueStream()
                .filter(a -> a.get("metric").asString().equals("ctr"))
                .findFirst()
                .orElseThrow();
        assertThat(ctr.get("direction").asString()).isEqualTo("down");
        assertThat(ctr.get("interval").size()).isEqualTo(2);
        assertThat(ctr.get("interval").get(0).asDouble())
                .isLessThanOrEqualTo(ctr.get("expected").asDouble());
        assertThat(ctr.get("score").asDouble()).isBetween(0.0, 0.01);
        assertThat(ctr.get("reason").asString()).contains("creative fatigue").contains("since 2026-10-13");
        assertThat(body.get("warnings").toString())
                .contains("23851234567890003")
                .contains("warm-up");
        assertThat(body.get("series_checked").asInt()).isEqualTo(10);
        assertThat(body.get("warm_up_days").asInt()).isEqualTo(7);
        assertThat(body.get("sensitivity").asString()).isEqualTo("medium");
        JsonNode documented = JSON.readTree(Files.readString(EXAMPLES.resolve("anomalies-detect-response.json")));
        assertThat(body)
                .as("docs/examples/anomalies-detect-response.json is what the server answers")
                .isEqualTo(documented);
    }

    @Test
    void invalidRowsAreOne400NamingEveryPath() throws IOException {
        ObjectNode request = example();
        ArrayNode daily = (ArrayNode) request.get("adsets").get(1).get("daily");
        ((ObjectNode) daily.get(5)).put("clicks", 1_000_000);
        ((ObjectNode) daily.get(6)).put("spend", -1);
        ((ObjectNode) request.get("adsets").get(0).get("daily").get(3)).put("date", "2026-09-01");
        ((ObjectNode) request.get("adsets").get(2).get("daily").get(1)).put("date", "2026-09-14");
        ((ArrayNode) request.putArray("metrics")).add("ctr").add("bounce_rate");
        request.put("sensitivity", "paranoid");
        HttpResponse<String> response = http.postJson(DETECT, request.toString());
        assertProblem(response, 400, "Invalid request");
        assertThat(fields(JSON.readTree(response.body())))
                .contains(
                        "adsets[1].daily[5].clicks",
                        "adsets[1].daily[6].spend",
                        "adsets[0].daily[3].date",
                        "adsets[2].daily[1].date",
                        "metrics[1]",
                        "sensitivity");
        assertThat(response.body())
                .contains("dates must be in increasing order")
                .contains("duplicate date");
    }

    @Test
    void malformedOrEmptyBodiesAre400NotServerErrors() {
        assertProblem(http.postJson(DETECT, "{\"adsets\": [}"), 400, "Invalid request");
        assertProblem(http.postJson(DETECT, ""), 400, "Invalid request");
        HttpResponse<String> empty = http.postJson(DETECT, "{\"adsets\": []}");
        assertProblem(empty, 400, "Invalid request");
        assertThat(fields(JSON.readTree(empty.body()))).containsExactly("adsets");
        HttpResponse<String> unknown = http.postJson(DETECT, "{\"adsets\": [{\"id\": \"1\", \"colour\": 3}]}");
        assertProblem(unknown, 400, "Invalid request");
        assertThat(fields(JSON.readTree(unknown.body()))).containsExactly("adsets[0].colour");
    }

    @Test
    void theAccountTotalIsOneMoreSeriesWhenAskedForAndItsIdIsReserved() throws IOException {
        JsonNode without = ok(http.postJson(DETECT, example().toString()));
        ObjectNode request = example();
        request.put("account_total", true);
        JsonNode with = ok(http.postJson(DETECT, request.toString()));
        assertThat(with.get("series_checked").asInt())
                .isEqualTo(without.get("series_checked").asInt() + 5);
        with.get("anomalies")
                .forEach(a -> assertThat(a.get("adset_id").asString())
                        .isIn("23851234567890001", "23851234567890002", "23851234567890003", "account_total"));

        ((ObjectNode) request.get("adsets").get(1)).put("id", "account_total");
        HttpResponse<String> clash = http.postJson(DETECT, request.toString());
        assertProblem(clash, 400, "Invalid request");
        assertThat(fields(JSON.readTree(clash.body()))).containsExactly("adsets[1].id");
    }

    @Test
    void anAdSetWithoutRowsIsAWarning() {
        JsonNode body = ok(http.postJson(DETECT, "{\"adsets\": [{\"id\": \"new\", \"daily\": []}]}"));
        assertThat(body.get("anomalies").size()).isZero();
        assertThat(body.get("series_checked").asInt()).isZero();
        assertThat(body.get("warnings").get(0).asString()).contains("new");
    }

    @Test
    void storedInsightsGiveTheSameAnomaliesAsThePostedSeries() throws IOException {
        String account = "act_778001";
        ArrayNode data = JSON.createArrayNode();
        for (JsonNode adset : example().get("adsets")) {
            for (JsonNode day : adset.get("daily")) {
                ObjectNode row = data.addObject();
                row.put("account_id", "778001");
                row.put("account_currency", "EUR");
                row.put("campaign_id", "2385000001");
                row.put("adset_id", adset.get("id").asString());
                row.put("adset_name", adset.get("name").asString());
                row.put("adset_status", "ACTIVE");
                row.put("adset_daily_budget", adset.get("daily_budget").asString());
                row.put("date_start", day.get("date").asString());
                row.put("date_stop", day.get("date").asString());
                row.put("spend", day.get("spend").asString());
                row.put("impressions", day.get("impressions").asString());
                row.put("clicks", day.get("clicks").asString());
                row.putArray("actions")
                        .addObject()
                        .put("action_type", "offsite_conversion.fb_pixel_purchase")
                        .put("value", day.get("conversions").asString());
            }
        }
        ObjectNode file = JSON.createObjectNode();
        file.set("data", data);
        assertThat(http.postJson("/api/v1/accounts/" + account + "/insights", file.toString())
                        .statusCode())
                .isEqualTo(200);
        JsonNode body = ok(http.get("/api/v1/accounts/" + account + "/anomalies?from=2026-10-06&to=2026-10-18"));
        List<String> found = new ArrayList<>();
        body.get("anomalies")
                .forEach(a -> found.add(a.get("adset_id").asString() + " "
                        + a.get("date").asString() + " " + a.get("metric").asString() + " "
                        + a.get("kind").asString()));
        assertThat(found)
                .contains("23851234567890001 2026-10-13 ctr level_shift")
                .contains("23851234567890002 2026-10-17 spend delivery_stop");
        assertThat(body.get("from").asString()).isEqualTo("2026-10-06");
        JsonNode lastWeek = ok(http.get("/api/v1/accounts/778001/anomalies?metrics=ctr,cvr&sensitivity=low"));
        assertThat(lastWeek.get("to").asString()).isEqualTo("2026-10-18");
        assertThat(lastWeek.get("from").asString()).isEqualTo("2026-10-12");
        assertThat(lastWeek.get("anomalies")
                        .valueStream()
                        .map(a -> a.get("metric").asString()))
                .allMatch(m -> m.equals("ctr") || m.equals("cvr"));
    }

    @Test
    void storedRouteAnswersProblemsForBadParametersAndUnknownAccounts() {
        assertProblem(http.get("/api/v1/accounts/999000111/anomalies"), 404, "Not Found");
        HttpResponse<String> bad =
                http.get("/api/v1/accounts/1/anomalies?from=yesterday&metrics=ctr,nope&sensitivity=x");
        assertProblem(bad, 400, "Invalid request");
        assertThat(fields(JSON.readTree(bad.body()))).containsExactlyInAnyOrder("from", "metrics", "sensitivity");
        HttpResponse<String> reversed = http.get("/api/v1/accounts/1/anomalies?from=2026-10-10&to=2026-10-01");
        assertProblem(reversed, 400, "Invalid request");
    }
}
