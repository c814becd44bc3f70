package io.metasystem.mlcore.api;

import io.metasystem.mlcore.MlCoreApplication;
import io.metasystem.mlcore.meta.FakeGraphApi;
import io.metasystem.mlcore.reporting.FakeYoutubeAnalyticsApi;
import io.metasystem.mlcore.webhooks.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of {@code /v3/api-docs} is documented by a named tag and real examples, and every example in
 * {@code docs/examples/} is what the server answers: the documented requests are sent, in an order that creates what
 * later calls need (import → optimize → recommendation → outcome → apply; sync; train → promote → rollback; n8n),
 * and each answer must have the documented status and the documented shape (same keys, recursively, and same
 * JSON types; ids, timestamps and numbers may differ).
 *
 * <p>{@code -Dmlcore.examples.write=true} writes the answers into {@code docs/examples/} where the file is missing
 * or its shape changed, {@code -Dmlcore.examples.write=all} rewrites every answer (the way the examples are made;
 * docs/api.md). Request bodies are written by hand; the server must accept them as documented.
 */
@SpringBootTest(classes = MlCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiExamplesTest {
    static final String KEY = "docs-example-key-0123456789";
    static final String SECRET = "docs-example-webhook-secret";
    static final Path EXAMPLES = Path.of("docs/examples");
    /** {@code -Dmlcore.examples.write=true}: write missing examples and those whose shape changed; {@code all}. */
    static final String WRITE = System.getProperty("mlcore.examples.write", "false");

    static final String CSV_ACCOUNT = "act_1234567890";
    static final String SYNC_ACCOUNT = "act_3456789012";
    /** The 14 days of the fake Meta account, ending yesterday (UTC), so apply's stale-data guardrail passes. */
    static final LocalDate SYNC_FROM = LocalDate.now(ZoneOffset.UTC).minusDays(14);

    static final LocalDate SYNC_TO = SYNC_FROM.plusDays(13);
    static final FakeGraphApi GRAPH = market(new FakeGraphApi());
    /** The artist's channel on the fake YouTube Analytics API: the week after the CSV example's October days. */
    static final FakeYoutubeAnalyticsApi YOUTUBE = youtube(new FakeYoutubeAnalyticsApi("ya29.docs-example-token"));

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** "METHOD path" of every operation whose success example was exercised. */
    private final Set<String> exercised = new TreeSet<>();
    /** Example files compared with (or written from) an answer. */
    private final Set<String> checked = new TreeSet<>();

    private final List<String> differences = new ArrayList<>();
    /** The recommendation the account optimize step creates, which the recommendation and apply steps read. */
    private String recommendationId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("mlcore.api-key", () -> KEY);
        r.add("mlcore.dummy-mode", () -> "true");
        r.add("mlcore.meta.access-token", () -> "EAAB-docs-example-token");
        r.add("mlcore.meta.api-base", GRAPH::baseUrl);
        r.add("mlcore.meta.initial-backoff", () -> "10ms");
        r.add("mlcore.meta.allowed-accounts", () -> CSV_ACCOUNT + "," + SYNC_ACCOUNT);
        // the CSV example's days are in October 2026: no stale-data guardrail for the examples
        r.add("mlcore.meta.max-data-age-days", () -> "0");
        r.add("mlcore.webhooks.secret", () -> SECRET);
        r.add("mlcore.ml.data-dir", () -> "data/samples");
        r.add("mlcore.youtube.access-token", () -> "ya29.docs-example-token");
        r.add("mlcore.youtube.api-base", YOUTUBE::baseUrl);
    }

    private static FakeYoutubeAnalyticsApi youtube(FakeYoutubeAnalyticsApi api) {
        for (int d = 0; d < 7; d++) {
            api.day(
                    "UCnovaLights0000000000",
                    LocalDate.of(2026, 10, 29).plusDays(d),
                    1400 + 37L * d,
                    4600,
                    6,
                    1,
                    90,
                    8);
        }
        return api;
    }

    @AfterAll
    static void stop() {
        GRAPH.close();
        YOUTUBE.close();
    }

    private static FakeGraphApi market(FakeGraphApi graph) {
        graph.adSet("23852000000000001", "Pre-save | Lookalike 1% DE", "ACTIVE", 2000L, "23852100000000001")
                .adSet("23852000000000002", "Pre-save | Interests AT", "ACTIVE", 2000L, "23852100000000001")
                .adSet("23852000000000003", "Video views | YouTube DE", "ACTIVE", 2000L, "23852100000000002");
        LocalDate day = SYNC_FROM;
        for (int d = 0; d < 14; d++, day = day.plusDays(1)) {
            graph.insight("23852000000000001", day.toString(), "20.00", 8000, 200, 9 + d % 3, "90.00")
                    .insight("23852000000000002", day.toString(), "20.00", 6000, 90, 3 + d % 2, "30.00")
                    .insight("23852000000000003", day.toString(), "20.00", 7000, 120, 5, "50.00");
        }
        return graph;
    }

    @Test
    void everyOperationHasANamedTagAndExamplesOfItsRequestAndSuccess() {
        JsonNode spec = JSON.readTree(
                send("GET", "/v3/api-docs", Map.of(), null, null, Map.of()).body());
        List<String> missing = new ArrayList<>();
        forEachOperation(spec, (operation, node) -> {
            JsonNode tags = node.path("tags");
            if (tags.isEmpty()) {
                missing.add(operation + ": no tag");
            }
            tags.forEach(tag -> {
                if (tag.asString().endsWith("-controller")) {
                    missing.add(operation + ": generated tag " + tag.asString());
                }
            });
            if (!node.path("requestBody").isMissingNode() && !hasExample(node.path("requestBody"))) {
                missing.add(operation + ": no request body example");
            }
            node.path("parameters").forEach(parameter -> {
                String type = parameter.path("schema").path("type").asString("");
                JsonNode example = parameter.path("example");
                if (!example.isMissingNode() && type.equals("integer") && !example.isIntegralNumber()) {
                    missing.add(
                            operation + ": example of " + parameter.path("name").asString() + " is not an integer");
                }
            });
            String success = successStatus(node);
            if (success == null || !hasExample(node.path("responses").path(success))) {
                missing.add(operation + ": no example of its success response " + success);
            }
        });
        assertThat(missing)
                .as("add the examples to docs/examples and OpenApiExamples.OPERATIONS, the tag to "
                        + "OpenApiConfig.TAG_BY_PATH_PREFIX (docs/api.md)")
                .isEmpty();
    }

    @Test
    void everyExampleIsWhatTheServerAnswers() throws IOException {
        store();
        optimize();
        recommendations();
        meta();
        webhooks();
        ml();
        alerts();
        reporting();
        vision();
        health();

        JsonNode spec = JSON.readTree(
                send("GET", "/v3/api-docs", Map.of(), null, null, Map.of()).body());
        List<String> unexercised = new ArrayList<>();
        forEachOperation(spec, (operation, node) -> {
            if (!exercised.contains(operation)) {
                unexercised.add(operation);
            }
        });
        assertThat(unexercised)
                .as("operations without a step in ApiExamplesTest that sends their example request")
                .isEmpty();
        List<String> stale = new ArrayList<>();
        for (OpenApiExamples.Documented d : OpenApiExamples.OPERATIONS.values()) {
            Stream.concat(Stream.of("response", "parameters"), OpenApiExamples.ERROR_STATUSES.stream())
                    .map(suffix -> d.name() + "-" + suffix + ".json")
                    .filter(file -> Files.exists(EXAMPLES.resolve(file)) && !checked.contains(file))
                    .forEach(stale::add);
        }
        assertThat(stale).as("example files no request of this test checks").isEmpty();
        assertThat(differences)
                .as("docs/examples differ from the server's answers; regenerate them with "
                        + "-Dmlcore.examples.write=true (docs/api.md)")
                .isEmpty();
    }

    // import → list → attributes (store)
    private void store() {
        String path = "/api/v1/accounts/{account_id}";
        call("POST", path + "/insights", params("account_id", CSV_ACCOUNT), "meta_insights.json", 200);
        call(
                "POST",
                path + "/insights",
                params("account_id", CSV_ACCOUNT),
                "insights-json-import-400-request.json",
                400);
        call("POST", path + "/insights.csv", params("account_id", CSV_ACCOUNT), "ads_manager_export.csv", 200);
        call(
                "POST",
                path + "/insights.csv",
                params("account_id", CSV_ACCOUNT),
                "insights-csv-import-400-request.csv",
                400);
        call("GET", "/api/v1/accounts", params("page", "0", "size", "10"), null, 200);
        call("GET", "/api/v1/accounts", params("page", "0", "size", "0"), null, 400);
        call("GET", path + "/adsets", params("account_id", CSV_ACCOUNT, "page", "0", "size", "100"), null, 200);
        call("GET", path + "/adsets", params("account_id", "act_999"), null, 404);
        call(
                "GET",
                path + "/insights",
                params(
                        "account_id",
                        CSV_ACCOUNT,
                        "from",
                        "2026-10-28",
                        "to",
                        "2026-10-28",
                        "adset_id",
                        "23851000000000001"),
                null,
                200);
        call(
                "GET",
                path + "/insights",
                params("account_id", CSV_ACCOUNT, "from", "2026-10-28", "to", "2026-10-01"),
                null,
                400);
        call("GET", path + "/insights", params("account_id", "act_999"), null, 404);
        String attributes = path + "/adsets/{adset_id}/attributes";
        call(
                "PUT",
                attributes,
                params("account_id", CSV_ACCOUNT, "adset_id", "23851000000000001"),
                "attributes-request.json",
                200);
        call(
                "PUT",
                attributes,
                params("account_id", CSV_ACCOUNT, "adset_id", "23851000000000001"),
                "attributes-400-request.json",
                400);
        call("PUT", attributes, params("account_id", CSV_ACCOUNT, "adset_id", "999"), "attributes-request.json", 404);
    }

    private void optimize() {
        call("POST", "/api/v1/meta_ads/optimize", params(), "optimize-request.json", 200);
        call("POST", "/api/v1/meta_ads/optimize", params(), "optimize-400-request.json", 400);
        call("POST", "/api/v1/meta_ads/optimize", params(), "optimize-422-request.json", 422);
        call(
                "POST",
                "/api/v1/meta_ads/optimize",
                params("X-API-Key", "wrong-key-0123456789"),
                "optimize-request.json",
                401);
        String path = "/api/v1/accounts/{account_id}/optimize";
        recommendationId = call("POST", path, params("account_id", CSV_ACCOUNT), "account-optimize-request.json", 200)
                .get("recommendation_id")
                .asString();
        call("POST", path, params("account_id", CSV_ACCOUNT), "account-optimize-400-request.json", 400);
        call("POST", path, params("account_id", "act_999"), "account-optimize-request.json", 404);
        call("POST", path, params("account_id", CSV_ACCOUNT), "account-optimize-422-request.json", 422);
    }

    private void recommendations() {
        call("GET", "/api/v1/recommendations", params("account_id", CSV_ACCOUNT, "page", "0", "size", "10"), null, 200);
        call("GET", "/api/v1/recommendations", params("from", "last week"), null, 400);
        call("GET", "/api/v1/recommendations/{id}", params("id", recommendationId), null, 200);
        call("GET", "/api/v1/recommendations/{id}", params("id", "00000000-0000-0000-0000-000000000000"), null, 404);
        String outcome = "/api/v1/recommendations/{id}/outcome";
        // the example data ends on 2026-10-28: look at its last 7 days as if they came after the recommendation
        call("GET", outcome, params("id", recommendationId, "from", "2026-10-22", "days", "7"), null, 200);
        call("GET", outcome, params("id", recommendationId, "days", "0"), null, 400);
        call("GET", outcome, params("id", "00000000-0000-0000-0000-000000000000"), null, 404);
    }

    private void meta() {
        String apply = "/api/v1/recommendations/{id}/apply";
        call("POST", apply, params("id", recommendationId), null, 200);
        call("POST", apply, params("id", "00000000-0000-0000-0000-000000000000"), null, 404);
        call(
                "GET",
                "/api/v1/audit",
                params("recommendation_id", recommendationId, "page", "0", "size", "50"),
                null,
                200);
        call("GET", "/api/v1/audit", params("size", "0"), null, 400);
        String sync = "/api/v1/accounts/{account_id}/sync";
        Map<String, String> range =
                params("account_id", SYNC_ACCOUNT, "since", SYNC_FROM.toString(), "until", SYNC_TO.toString());
        String job = call("POST", sync, range, null, 202).get("job_id").asString();
        awaitJob("/api/v1/jobs/" + job);
        call("POST", sync, params("account_id", SYNC_ACCOUNT, "since", "2026-10-28", "until", "2026-10-01"), null, 400);
        call("GET", "/api/v1/jobs/{id}", params("id", job), null, 200);
        call("GET", "/api/v1/jobs/{id}", params("id", "00000000-0000-0000-0000-000000000000"), null, 404);
    }

    private void webhooks() throws IOException {
        String body = Files.readString(EXAMPLES.resolve("n8n-request.json"));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = WebhookSigner.sign(SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = params("X-Timestamp", timestamp, "X-Signature", signature);
        call("POST", "/api/v1/webhooks/n8n", headers, "n8n-request.json", 200);
        Map<String, String> wrong = params("X-Timestamp", timestamp, "X-Signature", "sha256=" + "0".repeat(64));
        call("POST", "/api/v1/webhooks/n8n", wrong, "n8n-request.json", 401);
        call("GET", "/api/v1/webhooks/outbox", params("limit", "2"), null, 200);
        call("GET", "/api/v1/webhooks/outbox", params("limit", "0"), null, 400);
    }

    private void ml() {
        String first = call("POST", "/api/v1/ml/train", params(), "ml-train-request.json", 202)
                .get("id")
                .asString();
        awaitJob("/api/v1/ml/jobs/" + first);
        call("POST", "/api/v1/ml/train", params(), "ml-train-400-request.json", 400);
        call("GET", "/api/v1/ml/jobs/{id}", params("id", first), null, 200);
        call("GET", "/api/v1/ml/jobs/{id}", params("id", "00000000-0000-0000-0000-000000000000"), null, 404);
        // a second model of the scope (another target): the challenger that is promoted, then rolled back
        HttpResponse<String> second = send(
                "POST",
                "/api/v1/ml/train",
                Map.of(),
                "application/json",
                "{\"csv\":\"kag_conversion_data.csv\",\"target\":\"TOTAL\"}".getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        awaitJob("/api/v1/ml/jobs/" + JSON.readTree(second.body()).get("id").asString());
        call("GET", "/api/v1/ml/models", params("scope", "kag"), null, 200);
        call("GET", "/api/v1/ml/models/{version}", params("version", "1"), null, 200);
        call("GET", "/api/v1/ml/models/{version}", params("version", "999"), null, 404);
        call("POST", "/api/v1/ml/models/{version}/promote", params("version", "2"), null, 200);
        call("POST", "/api/v1/ml/models/{version}/promote", params("version", "999"), null, 404);
        call("POST", "/api/v1/ml/rollback", params("scope", "kag"), null, 200);
        call("POST", "/api/v1/ml/rollback", params("scope", "no_such_scope"), null, 404);
        call("POST", "/api/v1/ml/predict", params(), "ml-predict-request.json", 200);
        call("POST", "/api/v1/ml/predict", params(), "ml-predict-400-request.json", 400);
        call("POST", "/api/v1/ml/predict", params(), "ml-predict-404-request.json", 404);
        String performance = "/api/v1/ml/models/{version}/performance";
        call("GET", performance, params("version", "1", "bucket", "week"), null, 200);
        call("GET", performance, params("version", "1", "bucket", "month"), null, 400);
    }

    // upload → list → promote → rollback → detect (vision)
    private void vision() {
        call("POST", "/api/v1/vision/models", params(), "vision-model-upload-request.multipart.json", 201);
        call("POST", "/api/v1/vision/models", params(), "vision-model-upload-400-request.multipart.json", 400);
        call("POST", "/api/v1/vision/models", params(), "vision-model-upload-422-request.multipart.json", 422);
        // the end-to-end export: version 2, a challenger, promoted and then rolled back
        Multipart e2e =
                new Multipart().file("file", "e2e_planted.onnx", "application/octet-stream", bytes("e2e_planted.onnx"));
        HttpResponse<String> second =
                send("POST", "/api/v1/vision/models", Map.of(), e2e.contentType(), e2e.bytes(), Map.of());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        call("GET", "/api/v1/vision/models", params(), null, 200);
        call("GET", "/api/v1/vision/models/{version}", params("version", "1"), null, 200);
        call("GET", "/api/v1/vision/models/{version}", params("version", "999"), null, 404);
        call("POST", "/api/v1/vision/models/{version}/promote", params("version", "2"), null, 200);
        call("POST", "/api/v1/vision/models/{version}/promote", params("version", "999"), null, 404);
        call("POST", "/api/v1/vision/rollback", params(), null, 200);
        call(
                "POST",
                "/api/v1/vision/detect",
                params("model_version", "1", "conf", "0.25", "iou", "0.7"),
                "vision-detect-request.multipart.json",
                200);
        call("POST", "/api/v1/vision/detect", params(), "vision-detect-400-request.multipart.json", 400);
        String evaluate = "/api/v1/vision/models/{version}/evaluate";
        String job = call("POST", evaluate, params("version", "1"), "vision-evaluate-request.multipart.json", 202)
                .get("id")
                .asString();
        awaitJob("/api/v1/vision/jobs/" + job);
        call("POST", evaluate, params("version", "1"), "vision-evaluate-400-request.multipart.json", 400);
        call("GET", "/api/v1/vision/jobs/{id}", params("id", job), null, 200);
        String export = "/api/v1/vision/datasets/export";
        call(
                "POST",
                export,
                params("val_fraction", "0.5", "seed", "1", "path", "/data/creatives"),
                "vision-dataset-export-request.multipart.json",
                200);
        call("POST", export, params(), "vision-dataset-export-400-request.multipart.json", 400);
        call("GET", "/api/v1/vision/jobs/{id}", params("id", "00000000-0000-0000-0000-000000000000"), null, 404);
        String creatives = "/api/v1/accounts/{account_id}/adsets/{adset_id}/creatives";
        Map<String, String> adSet = params("account_id", "1234567890", "adset_id", "23851000000000001");
        Map<String, String> upload = new LinkedHashMap<>(adSet);
        upload.put("model_version", "1");
        String creative = call("POST", creatives, upload, "vision-creative-upload-request.multipart.json", 201)
                .get("id")
                .asString();
        call("POST", creatives, adSet, "vision-creative-upload-400-request.multipart.json", 400);
        call("GET", creatives, adSet, null, 200);
        Map<String, String> one = new LinkedHashMap<>(adSet);
        one.put("creative_id", creative);
        call("GET", creatives + "/{creative_id}", one, null, 200);
        one.put("creative_id", "00000000-0000-0000-0000-000000000000");
        call("GET", creatives + "/{creative_id}", one, null, 404);
    }

    // detect (stateless) → import → detect on stored insights → scan → alerts → ack → silence (alerts)
    private void alerts() {
        String none = "00000000-0000-0000-0000-000000000000";
        call("POST", "/api/v1/anomalies/detect", Map.of(), "anomalies-detect-request.json", 200);
        call("POST", "/api/v1/anomalies/detect", Map.of(), "anomalies-detect-400-request.json", 400);
        String account = "act_4567890123";
        String insights = "/api/v1/accounts/{account_id}/insights";
        call("POST", insights, params("account_id", account), "alerts-account-insights.json", 200);
        String stored = "/api/v1/accounts/{account_id}/anomalies";
        call("GET", stored, params("account_id", account, "from", "2026-10-12", "to", "2026-10-18"), null, 200);
        call("GET", stored, params("account_id", account, "from", "2026-10-18", "to", "2026-10-01"), null, 400);
        call("GET", stored, params("account_id", "act_999"), null, 404);
        JsonNode scan = call("POST", "/api/v1/alerts/scan", params("account_id", account), null, 200);
        call("POST", "/api/v1/alerts/scan", params("account_id", "act_999"), null, 404);
        call("GET", "/api/v1/alerts", params("account_id", account, "state", "firing"), null, 200);
        call("GET", "/api/v1/alerts", params("state", "burning"), null, 400);
        String id = scan.get("fired").get(0).asString();
        call("GET", "/api/v1/alerts/{id}", params("id", id), null, 200);
        call("GET", "/api/v1/alerts/{id}", params("id", none), null, 404);
        call("POST", "/api/v1/alerts/{id}/ack", params("id", id), "alert-ack-request.json", 200);
        call("POST", "/api/v1/alerts/{id}/ack", params("id", none), "alert-ack-request.json", 404);
        JsonNode silence = call("POST", "/api/v1/alerts/silences", Map.of(), "alert-silence-request.json", 201);
        call("POST", "/api/v1/alerts/silences", Map.of(), "alert-silence-400-request.json", 400);
        call("GET", "/api/v1/alerts/silences", params("all", "false"), null, 200);
        String expire = "/api/v1/alerts/silences/{id}";
        call("DELETE", expire, params("id", silence.get("id").asString()), null, 200);
        call("DELETE", expire, params("id", none), null, 404);
    }

    // artist → imports → events → report → attribution (reporting), on the CSV account's October days
    private void reporting() {
        String artist = "/api/v1/artists/{artist_id}";
        Map<String, String> id = params("artist_id", "nova-lights");
        call("PUT", artist, id, "artist-put-request.json", 200);
        call("PUT", artist, id, "artist-put-400-request.json", 400);
        call("GET", "/api/v1/artists", params(), null, 200);
        call("GET", artist, id, null, 200);
        call("GET", artist, params("artist_id", "nobody"), null, 404);
        call("POST", artist + "/spotify/timeline.csv", id, "spotify_timeline.csv", 200);
        call("POST", artist + "/spotify/timeline.csv", id, "spotify-timeline-import-400-request.csv", 400);
        call("POST", artist + "/spotify/songs.csv", id, "spotify_songs.csv", 200);
        call("POST", artist + "/youtube/daily.csv", id, "youtube_studio_daily.csv", 200);
        call("POST", artist + "/events", id, "artist-event-request.json", 201);
        call("POST", artist + "/events", id, "artist-event-400-request.json", 400);
        call("GET", artist + "/events", params("artist_id", "nova-lights", "from", "2026-10-01"), null, 200);
        Map<String, String> range = params("artist_id", "nova-lights", "from", "2026-10-01", "to", "2026-10-28");
        call("GET", artist + "/report", range, null, 200);
        call(
                "GET",
                artist + "/report",
                params("artist_id", "nova-lights", "from", "2026-10-28", "to", "2026-10-01"),
                null,
                400);
        call("GET", artist + "/report", params("artist_id", "nobody"), null, 404);
        call("GET", artist + "/report.csv", range, null, 200);
        call(
                "GET",
                artist + "/attribution",
                params("artist_id", "nova-lights", "metric", "streams", "from", "2026-10-01", "to", "2026-10-28"),
                null,
                200);
        call("GET", artist + "/attribution", params("artist_id", "nova-lights", "metric", "likes"), null, 400);
        Map<String, String> week = params("artist_id", "nova-lights", "since", "2026-10-29", "until", "2026-11-04");
        String job = call("POST", artist + "/youtube/sync", week, null, 202)
                .get("job_id")
                .asString();
        awaitJob("/api/v1/artists/nova-lights/youtube/sync/" + job);
        call("GET", artist + "/youtube/sync/{job_id}", params("artist_id", "nova-lights", "job_id", job), null, 200);
        call(
                "GET",
                artist + "/youtube/sync/{job_id}",
                params("artist_id", "nova-lights", "job_id", "00000000-0000-0000-0000-000000000000"),
                null,
                404);
    }

    private void health() {
        call("GET", "/health", params(), null, 200);
    }

    private void awaitJob(String path) {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String status = JSON.readTree(send("GET", path, Map.of(), null, null, Map.of())
                                    .body())
                            .path("status")
                            .asString();
                    return status.equals("succeeded") || status.equals("failed");
                });
    }

    /**
     * Sends a documented request and compares the answer with (or writes it to) its example file.
     *
     * @param template the operation's path as in the spec, with {@code {name}} variables
     * @param parameters path variables, then query parameters; names starting with {@code X-} are headers (an
     *     {@code X-API-Key} replaces the test's key)
     * @param bodyFile request body in docs/examples; null for none
     * @param status the documented status: 2xx is the success example, anything else {@code name-<status>.json}
     * @return the answer
     */
    private JsonNode call(String method, String template, Map<String, String> parameters, String bodyFile, int status) {
        String operation = method + " " + template;
        OpenApiExamples.Documented documented = OpenApiExamples.OPERATIONS.get(operation);
        assertThat(documented)
                .as("OpenApiExamples.OPERATIONS has no entry for " + operation)
                .isNotNull();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        parameters.forEach((name, value) -> (name.startsWith("X-") ? headers : query).put(name, value));
        Matcher m = PATH_VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = query.remove(m.group(1));
            assertThat(value).as(operation + " needs " + m.group(1)).isNotNull();
            m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(path);
        byte[] body = bodyFile == null ? null : bytes(bodyFile);
        String type = bodyFile == null ? null : bodyFile.endsWith(".csv") ? "text/csv" : "application/json";
        if (bodyFile != null && bodyFile.endsWith(OpenApiExamples.MULTIPART_SUFFIX)) {
            Multipart multipart = new Multipart();
            JSON.readTree(body)
                    .properties()
                    .forEach(part -> multipart.file(
                            part.getKey(),
                            part.getValue().asString(),
                            "application/octet-stream",
                            bytes(part.getValue().asString())));
            body = multipart.bytes();
            type = multipart.contentType();
        }
        HttpResponse<String> response = send(method, path.toString(), query, type, body, headers);
        assertThat(response.statusCode())
                .as(operation + " with " + parameters + " " + bodyFile + ": " + response.body())
                .isEqualTo(status);
        boolean success = status / 100 == 2;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv")) {
            return csvAnswer(operation, documented, parameters, response.body());
        }
        if (success && response.headers().firstValue("Content-Type").orElse("").startsWith("application/zip")) {
            // the String answer lost the zip's bytes: the operation is a pure function, so ask again for bytes
            byte[] zip = send(
                            method,
                            path.toString(),
                            query,
                            type,
                            body,
                            headers,
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            return zipAnswer(operation, documented, parameters, zip);
        }
        JsonNode answer = JSON.readTree(response.body());
        if (success) {
            assertThat(Integer.toString(status))
                    .as(operation + " success status in OpenApiExamples.OPERATIONS")
                    .isEqualTo(documented.success());
            exercised.add(operation);
        }
        String file = documented.name() + "-" + (success ? "response" : Integer.toString(status)) + ".json";
        checked.add(file);
        if (success && !parameters.isEmpty()) {
            String parametersFile = documented.name() + "-parameters.json";
            checked.add(parametersFile);
            compareOrWrite(parametersFile, JSON.valueToTree(parameters));
        }
        compareOrWrite(file, answer);
        return answer;
    }

    /** A CSV success answer: documented as {@code name-response.csv}, compared by its header line. */
    private JsonNode csvAnswer(
            String operation, OpenApiExamples.Documented documented, Map<String, String> parameters, String body) {
        exercised.add(operation);
        String parametersFile = documented.name() + "-parameters.json";
        checked.add(parametersFile);
        compareOrWrite(parametersFile, JSON.valueToTree(parameters));
        Path target = EXAMPLES.resolve(documented.name() + "-response.csv");
        String header = body.lines().findFirst().orElse("");
        boolean same = Files.exists(target)
                && read(target).lines().findFirst().orElse("").equals(header);
        if (WRITE.equals("all") || (WRITE.equals("true") && !same)) {
            try {
                Files.writeString(target, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!same) {
            differences.add(target.getFileName() + ": missing or another header than " + header);
        }
        return null;
    }

    /**
     * A zip success answer: documented as {@code name-response.zip.txt}, its entry names one a line then its
     * data.yaml, compared exactly (the example's export is deterministic).
     */
    private JsonNode zipAnswer(
            String operation, OpenApiExamples.Documented documented, Map<String, String> parameters, byte[] zip) {
        exercised.add(operation);
        String parametersFile = documented.name() + "-parameters.json";
        checked.add(parametersFile);
        compareOrWrite(parametersFile, JSON.valueToTree(parameters));
        StringBuilder listing = new StringBuilder();
        String yaml = "";
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                listing.append(e.getName()).append('\n');
                byte[] data = in.readAllBytes();
                if (e.getName().equals("data.yaml")) {
                    yaml = new String(data, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = listing + "\n" + yaml;
        String file = documented.name() + OpenApiExamples.ZIP_LISTING_SUFFIX;
        checked.add(file);
        Path target = EXAMPLES.resolve(file);
        boolean same = Files.exists(target) && read(target).equals(text);
        if (WRITE.equals("all") || (WRITE.equals("true") && !same)) {
            try {
                Files.writeString(target, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!same) {
            differences.add(file + ": missing or another listing than\n" + text);
        }
        return null;
    }

    private void compareOrWrite(String file, JsonNode answer) {
        Path target = EXAMPLES.resolve(file);
        List<String> changed = Files.exists(target)
                ? shapeDifferences(file + " $", JSON.readTree(read(target)), answer)
                : List.of(file + ": missing");
        if (WRITE.equals("all") || (WRITE.equals("true") && !changed.isEmpty())) {
            write(target, answer);
        } else {
            differences.addAll(changed);
        }
    }

    /**
     * Where {@code actual} differs in shape from {@code documented}: objects must have the same keys, arrays are
     * compared element by element (extra elements against the last documented one), scalars by JSON type; a null
     * on either side matches anything.
     */
    static List<String> shapeDifferences(String where, JsonNode documented, JsonNode actual) {
        List<String> out = new ArrayList<>();
        if (documented == null || actual == null || documented.isNull() || actual.isNull()) {
            return out;
        }
        if (documented.isObject()) {
            if (!actual.isObject()) {
                out.add(where + ": documented an object, got " + actual.getNodeType());
                return out;
            }
            Set<String> keys = new LinkedHashSet<>(documented.propertyNames());
            keys.addAll(actual.propertyNames());
            for (String key : keys) {
                if (!documented.has(key)) {
                    out.add(where + "." + key + ": not documented");
                } else if (!actual.has(key)) {
                    out.add(where + "." + key + ": documented, missing from the answer");
                } else {
                    out.addAll(shapeDifferences(where + "." + key, documented.get(key), actual.get(key)));
                }
            }
        } else if (documented.isArray()) {
            if (!actual.isArray()) {
                out.add(where + ": documented an array, got " + actual.getNodeType());
                return out;
            }
            Iterator<JsonNode> elements = actual.iterator();
            for (int i = 0; elements.hasNext() && !documented.isEmpty(); i++) {
                JsonNode element = elements.next();
                out.addAll(shapeDifferences(
                        where + "[" + i + "]", documented.get(Math.min(i, documented.size() - 1)), element));
            }
        } else if (documented.getNodeType() != actual.getNodeType()) {
            out.add(where + ": documented " + documented.getNodeType() + ", got " + actual.getNodeType());
        }
        return out;
    }

    private static void forEachOperation(JsonNode spec, BiConsumer<String, JsonNode> action) {
        spec.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> action.accept(
                                method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue())));
    }

    private static String successStatus(JsonNode operation) {
        for (String status : operation.path("responses").propertyNames()) {
            if (status.startsWith("2")) {
                return status;
            }
        }
        return null;
    }

    private static boolean hasExample(JsonNode node) {
        for (JsonNode media : node.path("content")) {
            if (!media.path("examples").isEmpty() || media.has("example")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> params(String... nameValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], nameValues[i + 1]);
        }
        return m;
    }

    private HttpResponse<String> send(
            String method,
            String path,
            Map<String, String> query,
            String contentType,
            byte[] body,
            Map<String, String> headers) {
        return send(method, path, query, contentType, body, headers, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(
            String method,
            String path,
            Map<String, String> query,
            String contentType,
            byte[] body,
            Map<String, String> headers,
            HttpResponse.BodyHandler<T> handler) {
        StringBuilder uri = new StringBuilder("http://localhost:" + port + path);
        String separator = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            uri.append(separator)
                    .append(q.getKey())
                    .append('=')
                    .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", KEY)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::setHeader);
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two-space indentation, {@code "key": value}, one array element per line, like the hand-written files. */
    private static void write(Path file, JsonNode value) {
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            Files.writeString(file, JSON.writer().with(printer).writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
