package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.WebApiTest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 0.3 fields of both optimize routes through the real server: feasibility help on a 422 (and binding rules on a
 * 200), locked ad sets, total sweeps, multi-day plans and objective value, each invalid field a 400 naming it.
 */
class OptimizeWhatIfApiTest extends WebApiTest {
    private static final String OPTIMIZE = "/api/v1/meta_ads/optimize";
    private static final String ACCOUNT = "act_918273645";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    private static ObjectNode example() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("docs/examples", "optimize-request.json")));
    }

    private JsonNode post(String path, JsonNode body, int status) {
        HttpResponse<String> response = http.postJson(path, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** Three ad sets at 30 each under a 20 % cap cannot reach 120: the ceilings sum to 108. */
    private static ObjectNode capped(double total, double ratio) {
        ObjectNode r = JSON.createObjectNode();
        r.putObject("budget").put("total", total).put("max_change_ratio", ratio);
        ArrayNode sets = r.putArray("adsets");
        for (String id : List.of("a", "b", "c")) {
            sets.addObject().put("id", id).put("current_budget", 30);
        }
        return r;
    }

    @Test
    void anInfeasibleRequestNamesTheBindingRulesAndEverySuggestionMakesTheResentRequestFeasible() {
        ObjectNode request = capped(120, 0.2);
        HttpResponse<String> response = http.postJson(OPTIMIZE, request.toString());
        assertProblem(response, 422, "Constraints cannot all hold");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asString())
                .contains("Smallest single changes")
                .contains("0.34");
        List<String> binding = new ArrayList<>();
        problem.get("binding_constraints")
                .forEach(b -> binding.add(b.get("field").asString()));
        assertThat(binding).contains("budget.max_change_ratio", "budget.total");
        JsonNode suggestions = problem.get("suggestions");
        assertThat(suggestions.size()).isPositive();
        for (JsonNode s : suggestions) {
            ObjectNode fixed = request.deepCopy();
            String field = s.get("field").asString();
            assertThat(field).startsWith("budget.");
            ((ObjectNode) fixed.get("budget"))
                    .put(field.substring("budget.".length()), s.get("suggested").asDouble());
            JsonNode answer = post(OPTIMIZE, fixed, 200);
            assertThat(answer.at("/summary/allocated").asDouble())
                    .isCloseTo(fixed.at("/budget/total").asDouble(), Offset.offset(0.005));
        }
        JsonNode ratio = suggestions.get(0).get("field").asString().equals("budget.max_change_ratio")
                ? suggestions.get(0)
                : suggestions.get(1);
        assertThat(ratio.get("current").asDouble()).isEqualTo(0.2);
        assertThat(ratio.get("suggested").asDouble()).isEqualTo(0.34);
    }

    @Test
    void aBindingCapOnAFeasibleAnswerIsReportedAsBindingConstraintAndWarning() {
        // reaching 108 of 108 puts every ad set at its +20 % ceiling
        JsonNode answer = post(OPTIMIZE, capped(108, 0.2), 200);
        JsonNode binding = answer.get("binding_constraints");
        assertThat(binding).isNotNull();
        assertThat(binding.get(0).get("field").asString()).isEqualTo("budget.max_change_ratio");
        assertThat(binding.get(0).get("bound").asString()).isEqualTo("upper");
        assertThat(binding.get(0).get("adsets").size()).isEqualTo(3);
        List<String> warnings = new ArrayList<>();
        answer.get("warnings").forEach(w -> warnings.add(w.asString()));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("budget.max_change_ratio binds (upper)"));
    }

    @Test
    void lockedSweepAndPlanOnTheStatelessRoute() throws IOException {
        ObjectNode request = example();
        ObjectNode first = (ObjectNode) request.get("adsets").get(0);
        first.put("locked", true);
        double lockedBudget = first.get("current_budget").asDouble();
        request.putArray("total_sweep").add(100).add(120).add(150).add(400);
        request.put("horizon_days", 5);
        JsonNode answer = post(OPTIMIZE, request, 200);
        assertThat(answer.at("/adsets/0/recommended_budget").asDouble()).isEqualTo(lockedBudget);

        JsonNode sweep = answer.get("total_sweep");
        assertThat(sweep.size()).isEqualTo(4);
        assertThat(sweep.get(3).get("feasible").asBoolean())
                .as("max_per_adset 60 × 5 < 400")
                .isFalse();
        assertThat(sweep.get(3).get("detail").asString()).isNotBlank();
        for (int i = 1; i < 3; i++) {
            assertThat(sweep.get(i).get("expected_conversions").asDouble())
                    .isGreaterThan(sweep.get(i - 1).get("expected_conversions").asDouble());
            assertThat(sweep.get(i).get("conversions_interval").size()).isEqualTo(2);
        }

        JsonNode days = answer.at("/plan/days");
        assertThat(days.size()).isEqualTo(5);
        double total = answer.at("/summary/allocated").asDouble();
        JsonNode prev = null;
        for (JsonNode day : days) {
            double sum = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            day.get("budgets").properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sum += e.getValue().asDouble();
                if (prev != null && prev.get(e.getKey()).asDouble() > 0) {
                    double before = prev.get(e.getKey()).asDouble();
                    assertThat(Math.abs(e.getValue().asDouble() - before)).isLessThanOrEqualTo(0.3 * before + 0.01);
                }
            }
            assertThat(sum).isCloseTo(total, Offset.offset(0.005));
            assertThat(day.get("budgets").get(first.get("id").asString()).asDouble())
                    .isEqualTo(lockedBudget);
            assertThat(day.get("conversions_interval").size()).isEqualTo(2);
            prev = day.get("budgets");
        }
        assertThat(answer.at("/plan/target").size())
                .isEqualTo(request.get("adsets").size());
    }

    @Test
    void whatIfFieldsDoNotChangeTheOneDayAnswer() throws IOException {
        ObjectNode plain = example();
        plain.remove("seed");
        ObjectNode asked = plain.deepCopy();
        asked.putArray("total_sweep").add(150);
        asked.put("horizon_days", 3);
        JsonNode a = post(OPTIMIZE, plain, 200);
        JsonNode b = post(OPTIMIZE, asked, 200);
        assertThat(b.get("seed").asLong()).isEqualTo(a.get("seed").asLong());
        assertThat(b.get("adsets")).isEqualTo(a.get("adsets"));
    }

    @Test
    void objectiveValueFundsTheAdSetWhoseConversionsAreWorthMore() {
        ObjectNode r = JSON.createObjectNode();
        r.put("objective", "value").put("seed", 7);
        r.putObject("budget").put("total", 100).put("exploration_share", 0);
        ArrayNode sets = r.putArray("adsets");
        // equal conversion rates; b's conversions are worth five times a's
        sets.addObject()
                .put("id", "a")
                .put("value_per_conversion", 2)
                .putObject("metrics")
                .put("spend", 500)
                .put("conversions", 50);
        sets.addObject()
                .put("id", "b")
                .put("value_per_conversion", 10)
                .put("value_per_conversion_sd", 1)
                .putObject("metrics")
                .put("spend", 500)
                .put("conversions", 50);
        JsonNode answer = post(OPTIMIZE, r, 200);
        assertThat(answer.get("objective").asString()).isEqualTo("value");
        assertThat(answer.at("/adsets/1/recommended_budget").asDouble())
                .isGreaterThan(answer.at("/adsets/0/recommended_budget").asDouble());
        assertThat(answer.at("/adsets/1/expected_revenue").asDouble())
                .as("expected value = conversions × value per conversion")
                .isCloseTo(answer.at("/adsets/1/expected_conversions").asDouble() * 10, Offset.offset(1e-6));
    }

    @Test
    void everyInvalidNewFieldIsA400NamingIt() throws IOException {
        ObjectNode r = example();
        r.putArray("total_sweep").add(100).add(-5);
        r.put("horizon_days", 15);
        ObjectNode first = (ObjectNode) r.get("adsets").get(0);
        first.put("locked", true).remove("current_budget");
        ((ObjectNode) r.get("adsets").get(1)).put("value_per_conversion", -1);
        ((ObjectNode) r.get("adsets").get(2)).put("value_per_conversion_sd", 2);
        ((ObjectNode) r.get("adsets").get(5)).put("locked", true);
        HttpResponse<String> response = http.postJson(OPTIMIZE, r.toString());
        assertProblem(response, 400, "Invalid request");
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields)
                .contains(
                        "total_sweep[1]",
                        "horizon_days",
                        "adsets[0].current_budget",
                        "adsets[1].value_per_conversion",
                        "adsets[2].value_per_conversion_sd",
                        "adsets[5].locked");
    }

    @Test
    void theAccountRouteSweepsPlansLocksAndExplainsInfeasibility() throws IOException {
        String account = "/api/v1/accounts/" + ACCOUNT;
        HttpResponse<String> imported = http.send(http.request(account + "/insights.csv")
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("docs/examples/ads_manager_export.csv")))
                .build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        ObjectNode request = JSON.createObjectNode();
        request.putObject("budget").put("total", 150).put("min_per_adset", 5).put("max_change_ratio", 0.5);
        request.put("seed", 42);
        request.putArray("total_sweep").add(100).add(150).add(200);
        request.put("horizon_days", 4);
        JsonNode answer = post(account + "/optimize", request, 200);
        assertThat(answer.get("total_sweep").size()).isEqualTo(3);
        assertThat(answer.at("/plan/days").size()).isEqualTo(4);
        String locked = answer.at("/adsets/0/id").asString();
        double current = answer.at("/adsets/0/current_budget").asDouble();

        request.putArray("locked_adsets").add(locked);
        JsonNode withLock = post(account + "/optimize", request, 200);
        assertThat(withLock.at("/adsets/0/recommended_budget").asDouble()).isEqualTo(current);
        assertThat(withLock.get("binding_constraints").toString())
                .contains("{\"field\":\"adsets.locked\",\"bound\":\"fixed\"");

        request.putArray("locked_adsets").add("999");
        HttpResponse<String> unknown = http.postJson(account + "/optimize", request.toString());
        assertProblem(unknown, 400, "Invalid request");
        assertThat(unknown.body()).contains("locked_adsets[0]");

        request.remove("locked_adsets");
        ((ObjectNode) request.get("budget")).put("min_per_adset", 100);
        HttpResponse<String> infeasible = http.postJson(account + "/optimize", request.toString());
        assertProblem(infeasible, 422, "Constraints cannot all hold");
        assertThat(JSON.readTree(infeasible.body()).get("suggestions").size()).isPositive();
    }
}
