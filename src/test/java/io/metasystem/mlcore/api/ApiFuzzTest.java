package io.metasystem.mlcore.api;

import io.metasystem.mlcore.testing.LiveMetaTest;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutation fuzzing of every entry point that takes a body (both optimize routes, the JSON and CSV imports,
 * attributes, ML predict, the n8n webhook) through the real server: no input may get a 5xx, and every 4xx is
 * {@code application/problem+json} with {@code errors[]}. Bounded by {@code mlcore.fuzz.seconds} (default 60) and
 * {@code mlcore.fuzz.max-per-target}; the seed is {@code mlcore.fuzz.seed}. A failing input is written to
 * {@code target/fuzz-failures/}; once fixed it is kept in {@code src/test/resources/fuzz/regressions/} and replayed
 * by {@link #replaysEveryKeptRegression()}.
 */
class ApiFuzzTest extends LiveMetaTest {
    static final String ACCOUNT = "7700";
    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz/regressions");
    private static final Path FAILURES = Path.of("target/fuzz-failures");
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpClientSupport http;

    @BeforeEach
    void setUp() throws IOException {
        http = new HttpClientSupport(port);
        HttpResponse<String> seeded = http.send(http.request("/api/v1/accounts/" + ACCOUNT + "/insights.csv")
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Files.readString(Path.of("docs/examples/ads_manager_export.csv"))))
                .build());
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    }

    private record Target(String name, Function<ApiFuzzing, ApiFuzzing.Input> next) {}

    @Test
    void noMutatedInputGetsA5xxAndEvery4xxIsAProblem() throws IOException {
        long seed = Long.getLong("mlcore.fuzz.seed", 20_261_202L);
        Duration budget = Duration.ofSeconds(Long.getLong("mlcore.fuzz.seconds", 60L));
        int maxPerTarget = Integer.getInteger("mlcore.fuzz.max-per-target", 400);
        String optimize = read("optimize-request.json");
        String accountOptimize = read("account-optimize-request.json");
        String insights = read("meta_insights.json");
        String csv = read("ads_manager_export.csv");
        String attributes = read("attributes-request.json");
        String predict = "{\"scope\":\"kag\",\"attributes\":{\"campaign\":\"1178\",\"age\":\"30-34\"},"
                + "\"numeric\":{\"log_spend\":2.5}}";
        String n8n = "{\"account_id\":\"" + ACCOUNT + "\",\"action\":\"optimize\",\"params\":"
                + JSON.readTree(accountOptimize) + "}";
        String accountPath = "/api/v1/accounts/" + ACCOUNT;
        List<Target> targets = List.of(
                new Target("optimize", f -> f.json("POST", OptimizeApiTest.OPTIMIZE, optimize, false)),
                new Target("account-optimize", f -> f.json("POST", accountPath + "/optimize", accountOptimize, false)),
                new Target("json-import", f -> f.json("POST", accountPath + "/insights", insights, false)),
                new Target("csv-import", f -> f.csv(accountPath + "/insights.csv", csv)),
                new Target(
                        "attributes",
                        f -> f.json("PUT", accountPath + "/adsets/23851000000000001/attributes", attributes, false)),
                new Target("ml-predict", f -> f.json("POST", "/api/v1/ml/predict", predict, false)),
                new Target("n8n-webhook", f -> f.json("POST", N8nWebhookController.PATH, n8n, true)));

        ApiFuzzing fuzzing = new ApiFuzzing(seed);
        Instant deadline = Instant.now().plus(budget);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < maxPerTarget && Instant.now().isBefore(deadline); round++) {
            for (Target target : targets) {
                ApiFuzzing.Input input = target.next().apply(fuzzing);
                HttpResponse<String> response = send(input);
                sent++;
                statuses.merge(target.name() + " " + response.statusCode(), 1, Integer::sum);
                String problem = violation(response);
                if (problem != null) {
                    Files.createDirectories(FAILURES);
                    Path file = FAILURES.resolve(target.name() + "-" + failures.size() + ".json");
                    Files.writeString(file, input.toJson());
                    failures.add(target.name() + " [" + input.mutation() + "]: " + problem + " → " + file);
                }
            }
        }
        System.out.printf("API fuzzing, seed %d: %d inputs, statuses %s%n", seed, sent, statuses);
        assertThat(sent).as("inputs sent within the budget").isGreaterThanOrEqualTo(targets.size());
        assertThat(failures)
                .as("inputs answered with a 5xx or a 4xx that is not problem+json")
                .isEmpty();
    }

    @Test
    void replaysEveryKeptRegression() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(REGRESSIONS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("kept regression inputs").isNotEmpty();
        for (Path file : files) {
            ApiFuzzing.Input input = ApiFuzzing.Input.fromJson(Files.readString(file));
            HttpResponse<String> response = send(input);
            assertThat(violation(response)).as(file + ": " + response.body()).isNull();
            assertThat(response.statusCode())
                    .as(file + " is refused: " + response.body())
                    .isBetween(400, 499);
        }
    }

    /** @return why the answer breaks the contract, or null */
    static String violation(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "status " + status + ": " + head(response.body());
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "status " + status + " with Content-Type '" + type + "'";
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "status " + status + " with a body that is not JSON: " + head(response.body());
        }
        if (!body.path("errors").isArray() || body.path("status").asInt() != status) {
            return "status " + status + " problem without errors[] or status: " + head(response.body());
        }
        return null;
    }

    private HttpResponse<String> send(ApiFuzzing.Input input) {
        HttpRequest.Builder b =
                http.request(input.path()).method(input.method(), HttpRequest.BodyPublishers.ofByteArray(input.body()));
        if (!input.contentType().isEmpty()) {
            b.header("Content-Type", input.contentType());
        }
        if (input.signed()) {
            String ts = Long.toString(Instant.now().getEpochSecond());
            b.header(WebhookSigner.TIMESTAMP_HEADER, ts);
            b.header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(SECRET, ts, input.body()));
        } else {
            b.header("X-API-Key", HttpClientSupport.KEY);
        }
        return http.send(b.build());
    }

    private static String read(String example) throws IOException {
        return Files.readString(Path.of("docs/examples").resolve(example), StandardCharsets.UTF_8);
    }

    private static String head(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
