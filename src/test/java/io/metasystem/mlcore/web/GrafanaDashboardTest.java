package io.metasystem.mlcore.web;

import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/grafana/ml-core.json} queries only metrics the service exposes on {@code /actuator/prometheus}, is
 * ready for file provisioning (a datasource variable, no {@code __inputs}) and groups by bounded labels only.
 */
class GrafanaDashboardTest extends WebApiTest {
    private static final Path DASHBOARD = Path.of("deploy", "grafana", "ml-core.json");
    /** A metric selector in PromQL: a name followed by its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
    /** The metric of a Grafana {@code label_values(metric, label)} variable query. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private static final Pattern GROUPING = Pattern.compile("by \\(([^)]*)\\)");
    private static final Set<String> BOUNDED_LABELS =
            Set.of("uri", "status", "le", "instance", "name", "job", "area", "state", "kind", "outcome");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyQueriedMetricIsExposedByTheService() throws Exception {
        // one request of each kind the panels look at, so the per-route series exist
        get("/health");
        get("/login");
        Set<String> exposed = exposedMetrics(get("/actuator/prometheus"));

        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<String> queried = new TreeSet<>();
        for (String query : queries(dashboard)) {
            Matcher selector = SELECTOR.matcher(query);
            while (selector.find()) {
                queried.add(selector.group(1));
            }
            Matcher variable = LABEL_VALUES.matcher(query);
            while (variable.find()) {
                queried.add(variable.group(1));
            }
            Matcher grouping = GROUPING.matcher(query);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    assertThat(label.strip()).as(query).isIn(BOUNDED_LABELS);
                }
            }
        }
        assertThat(queried).hasSizeGreaterThan(10);
        assertThat(queried)
                .as("panels for jobs and webhook deliveries")
                .contains(
                        "mlcore_jobs_seconds_count",
                        "mlcore_jobs_seconds_sum",
                        "mlcore_jobs_seconds_max",
                        "mlcore_webhook_deliveries_seconds_count");
        assertThat(exposed).containsAll(queried);
        assertThat(exposed).noneMatch(name -> name.startsWith("spring_security_"));
    }

    @Test
    void jobAndWebhookMetersCarryOnlyTheirBoundedLabelValues() throws Exception {
        String exposition = get("/actuator/prometheus");
        for (String kind : List.of("sync", "training", "scan")) {
            for (String outcome : List.of("success", "failure")) {
                assertThat(exposition).contains("mlcore_jobs_seconds_count{kind=\"" + kind + "\",outcome=\"" + outcome);
            }
        }
        for (String outcome : List.of("delivered", "retry", "refused")) {
            assertThat(exposition).contains("mlcore_webhook_deliveries_seconds_count{outcome=\"" + outcome);
        }
        Matcher labels = Pattern.compile("mlcore_(?:jobs|webhook_deliveries)_seconds_count\\{([^}]*)}")
                .matcher(exposition);
        while (labels.find()) {
            for (String pair : labels.group(1).split(",")) {
                assertThat(pair.substring(0, pair.indexOf('='))).isIn("kind", "outcome", "application");
            }
        }
    }

    @Test
    void dashboardIsReadyForFileProvisioning() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.has("__inputs")).isFalse();
        assertThat(dashboard.path("uid").asString()).isEqualTo("ml-core");
        List<String> variables = new ArrayList<>();
        dashboard
                .path("templating")
                .path("list")
                .forEach(v -> variables.add(v.path("name").asString()));
        assertThat(variables).contains("datasource", "job");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asString())) {
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(panel.path("title").asString())
                        .isEqualTo("${datasource}");
            }
        }
        assertThat(Files.readString(Path.of("deploy", "prometheus", "prometheus.yml")))
                .contains("metrics_path: /actuator/prometheus");
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(t -> out.add(t.path("expr").asString()));
        }
        dashboard.path("templating").path("list").forEach(v -> {
            JsonNode query = v.path("query");
            if (query.isObject()) {
                out.add(query.path("query").asString());
            }
        });
        return out;
    }

    private static Set<String> exposedMetrics(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                    end++;
                }
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
