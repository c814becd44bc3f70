package io.metasystem.mlcore.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches the example payloads of {@code docs/examples/} (copied onto the class path under {@code examples/} at
 * build time) to the OpenAPI description, so the spec shows exactly the files the docs show, and
 * {@code ApiExamplesTest} keeps those files equal in shape to what the server really answers.
 *
 * <p>Operations are keyed by HTTP method and path (never by Java method name or operation id, which change when
 * controllers move). For an operation documented as {@code name}, the files are (all optional; docs/api.md):
 *
 * <ul>
 *   <li>{@code name-request.json} (or {@code .csv}, or the file named in {@link Documented#request}): the request body;
 *   <li>{@code name-parameters.json}: an object of example values of path, query and header parameters;
 *   <li>{@code name-response.json}: the success answer, under the status {@link Documented#success};
 *   <li>{@code name-<status>.json}: an error answer ({@code application/problem+json}), and
 *       {@code name-<status>-request.json} (or {@code .csv}) the request body that causes it.
 * </ul>
 */
@Component
class OpenApiExamples implements OpenApiCustomizer {
    /** Error statuses an example file may document, in the order the spec lists them. */
    static final List<String> ERROR_STATUSES =
            List.of("400", "401", "403", "404", "409", "413", "422", "429", "502", "503");

    /** "METHOD path" → how the operation's examples are named. Every operation of the API must be listed. */
    static final Map<String, Documented> OPERATIONS = operations();

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String MULTIPART = "multipart/form-data";
    /** Suffix of a multipart request description: a JSON object of part name → file in docs/examples. */
    static final String MULTIPART_SUFFIX = ".multipart.json";
    /** Suffix of a zip answer's description: its entry names, one a line, then its data.yaml. */
    static final String ZIP_LISTING_SUFFIX = "-response.zip.txt";

    private static final String ZIP = "application/zip";

    private static final Map<String, String> ERROR_DESCRIPTIONS = Map.of(
            "400", "Invalid input; errors[] names each field",
            "401", "Missing or wrong credentials",
            "403", "Forbidden",
            "404", "Not found; errors[] names the field that points at nothing",
            "409", "Conflict with the current state",
            "413", "Body over the size limit",
            "422", "Valid request that cannot be satisfied; errors[] names the reason",
            "429", "Too many requests",
            "502", "The upstream API failed",
            "503", "A dependency is not configured or unavailable");

    private final ObjectMapper mapper;

    OpenApiExamples(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * How one operation's example files are named.
     *
     * @param name file prefix in docs/examples
     * @param success status of the success answer (springdoc infers 200; a 202 is moved there)
     * @param request file name of the request body when it is not {@code name-request.json}/{@code .csv}; nullable
     */
    record Documented(String name, String success, String request) {
        Documented(String name, String success) {
            this(name, success, null);
        }

        /** The request body's file name, or null when there is none. */
        String requestFile() {
            if (request != null) {
                return request;
            }
            return firstExisting(name + "-request.json", name + "-request.csv");
        }

        /** The request body causing the error {@code status}, or null. */
        String errorRequestFile(String status) {
            return firstExisting(
                    name + "-" + status + "-request.json",
                    name + "-" + status + "-request.csv",
                    name + "-" + status + "-request.multipart.json");
        }

        private static String firstExisting(String... files) {
            for (String file : files) {
                if (exists(file)) {
                    return file;
                }
            }
            return null;
        }
    }

    private static Map<String, Documented> operations() {
        Map<String, Documented> m = new LinkedHashMap<>();
        m.put("GET /health", new Documented("health", "200"));
        m.put("POST /api/v1/meta_ads/optimize", new Documented("optimize", "200"));
        m.put(
                "POST /api/v1/accounts/{account_id}/insights",
                new Documented("insights-json-import", "200", "meta_insights.json"));
        m.put(
                "POST /api/v1/accounts/{account_id}/insights.csv",
                new Documented("insights-csv-import", "200", "ads_manager_export.csv"));
        m.put("GET /api/v1/accounts", new Documented("accounts", "200"));
        m.put("GET /api/v1/accounts/{account_id}/adsets", new Documented("adsets", "200"));
        m.put("GET /api/v1/accounts/{account_id}/insights", new Documented("insights", "200"));
        m.put("PUT /api/v1/accounts/{account_id}/adsets/{adset_id}/attributes", new Documented("attributes", "200"));
        m.put("POST /api/v1/accounts/{account_id}/optimize", new Documented("account-optimize", "200"));
        m.put("GET /api/v1/recommendations", new Documented("recommendations", "200"));
        m.put("GET /api/v1/recommendations/{id}", new Documented("recommendation", "200"));
        m.put("GET /api/v1/recommendations/{id}/outcome", new Documented("outcome", "200"));
        m.put("POST /api/v1/recommendations/{id}/apply", new Documented("apply", "200"));
        m.put("GET /api/v1/audit", new Documented("audit", "200"));
        m.put("POST /api/v1/accounts/{account_id}/sync", new Documented("sync", "202"));
        m.put("GET /api/v1/jobs/{id}", new Documented("sync-job", "200"));
        m.put("POST /api/v1/webhooks/n8n", new Documented("n8n", "200"));
        m.put("GET /api/v1/webhooks/outbox", new Documented("outbox", "200"));
        m.put("POST /api/v1/ml/train", new Documented("ml-train", "202"));
        m.put("GET /api/v1/ml/jobs/{id}", new Documented("ml-job", "200"));
        m.put("GET /api/v1/ml/models", new Documented("ml-models", "200"));
        m.put("GET /api/v1/ml/models/{version}", new Documented("ml-model", "200"));
        m.put("POST /api/v1/ml/models/{version}/promote", new Documented("ml-promote", "200"));
        m.put("POST /api/v1/ml/rollback", new Documented("ml-rollback", "200"));
        m.put("POST /api/v1/ml/predict", new Documented("ml-predict", "200"));
        m.put("GET /api/v1/ml/models/{version}/performance", new Documented("ml-performance", "200"));
        m.put("POST /api/v1/anomalies/detect", new Documented("anomalies-detect", "200"));
        m.put("GET /api/v1/accounts/{account_id}/anomalies", new Documented("account-anomalies", "200"));
        m.put("POST /api/v1/alerts/scan", new Documented("alerts-scan", "200"));
        m.put("GET /api/v1/alerts", new Documented("alerts", "200"));
        m.put("GET /api/v1/alerts/{id}", new Documented("alert", "200"));
        m.put("POST /api/v1/alerts/{id}/ack", new Documented("alert-ack", "200"));
        m.put("POST /api/v1/alerts/silences", new Documented("alert-silence", "201"));
        m.put("GET /api/v1/alerts/silences", new Documented("alert-silences", "200"));
        m.put("DELETE /api/v1/alerts/silences/{id}", new Documented("alert-silence-expire", "200"));
        String artist = "/api/v1/artists/{artist_id}";
        m.put("PUT " + artist, new Documented("artist-put", "200"));
        m.put("GET /api/v1/artists", new Documented("artists", "200"));
        m.put("GET " + artist, new Documented("artist", "200"));
        m.put(
                "POST " + artist + "/spotify/timeline.csv",
                new Documented("spotify-timeline-import", "200", "spotify_timeline.csv"));
        m.put(
                "POST " + artist + "/spotify/songs.csv",
                new Documented("spotify-songs-import", "200", "spotify_songs.csv"));
        m.put(
                "POST " + artist + "/youtube/daily.csv",
                new Documented("youtube-daily-import", "200", "youtube_studio_daily.csv"));
        m.put("POST " + artist + "/events", new Documented("artist-event", "201"));
        m.put("GET " + artist + "/events", new Documented("artist-events", "200"));
        m.put("GET " + artist + "/report", new Documented("artist-report", "200"));
        m.put("GET " + artist + "/report.csv", new Documented("artist-report-csv", "200"));
        m.put("GET " + artist + "/attribution", new Documented("artist-attribution", "200"));
        m.put("POST " + artist + "/youtube/sync", new Documented("youtube-sync", "202"));
        m.put("GET " + artist + "/youtube/sync/{job_id}", new Documented("youtube-sync-job", "200"));
        m.put(
                "POST /api/v1/vision/models",
                new Documented("vision-model-upload", "201", "vision-model-upload-request.multipart.json"));
        m.put("GET /api/v1/vision/models", new Documented("vision-models", "200"));
        m.put("GET /api/v1/vision/models/{version}", new Documented("vision-model", "200"));
        m.put("POST /api/v1/vision/models/{version}/promote", new Documented("vision-promote", "200"));
        m.put("POST /api/v1/vision/rollback", new Documented("vision-rollback", "200"));
        m.put(
                "POST /api/v1/vision/detect",
                new Documented("vision-detect", "200", "vision-detect-request.multipart.json"));
        m.put(
                "POST /api/v1/vision/models/{version}/evaluate",
                new Documented("vision-evaluate", "202", "vision-evaluate-request.multipart.json"));
        m.put("GET /api/v1/vision/jobs/{id}", new Documented("vision-job", "200"));
        m.put(
                "POST /api/v1/vision/datasets/export",
                new Documented("vision-dataset-export", "200", "vision-dataset-export-request.multipart.json"));
        String creatives = "/api/v1/accounts/{account_id}/adsets/{adset_id}/creatives";
        m.put(
                "POST " + creatives,
                new Documented("vision-creative-upload", "201", "vision-creative-upload-request.multipart.json"));
        m.put("GET " + creatives, new Documented("vision-creatives", "200"));
        m.put("GET " + creatives + "/{creative_id}", new Documented("vision-creative", "200"));
        return Map.copyOf(m);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    Documented documented = OPERATIONS.get(method.name() + " " + path);
                    if (documented != null) {
                        document(openApi, operation, documented);
                    }
                }));
    }

    private void document(OpenAPI openApi, Operation operation, Documented documented) {
        String request = documented.requestFile();
        if (request != null) {
            addRequestExample(operation, request);
        }
        Object parameters = read(documented.name() + "-parameters.json");
        if (parameters instanceof Map<?, ?> values && operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (values.containsKey(parameter.getName())) {
                    parameter.setExample(typed(parameter.getSchema(), values.get(parameter.getName())));
                }
            }
        }
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        String responseFile = Documented.firstExisting(
                documented.name() + "-response.json",
                documented.name() + "-response.csv",
                documented.name() + ZIP_LISTING_SUFFIX);
        if (responseFile != null) {
            ApiResponse success = successResponse(responses, documented.success());
            String type = responseFile.endsWith(".csv") ? CSV : responseFile.endsWith(ZIP_LISTING_SUFFIX) ? ZIP : JSON;
            addExample(content(success, type), responseFile);
        }
        for (String status : ERROR_STATUSES) {
            String file = documented.name() + "-" + status + ".json";
            if (!exists(file)) {
                continue;
            }
            ApiResponse error =
                    responses.computeIfAbsent(status, s -> new ApiResponse().description(ERROR_DESCRIPTIONS.get(s)));
            MediaType problem = content(error, PROBLEM_JSON);
            if (problem.getSchema() == null && hasSchema(openApi, "Problem")) {
                problem.setSchema(new Schema<>().$ref("#/components/schemas/Problem"));
            }
            addExample(problem, file);
            String cause = documented.errorRequestFile(status);
            if (cause != null) {
                addRequestExample(operation, cause);
            }
        }
    }

    /** A parameter's example as the type of its schema (the file holds the strings that were sent). */
    private static Object typed(Schema<?> schema, Object value) {
        if (schema == null || !(value instanceof String text)) {
            return value;
        }
        String type = schema.getType() != null
                ? schema.getType()
                : schema.getTypes() == null || schema.getTypes().isEmpty()
                        ? null
                        : schema.getTypes().iterator().next();
        try {
            return switch (type == null ? "" : type) {
                case "integer" -> Long.parseLong(text);
                case "number" -> Double.parseDouble(text);
                case "boolean" -> Boolean.parseBoolean(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The success response under {@code status}, moving springdoc's inferred 200 there when it differs. */
    private static ApiResponse successResponse(ApiResponses responses, String status) {
        ApiResponse success = responses.get(status);
        if (success == null) {
            success = responses.remove("200");
            if (success == null) {
                success = new ApiResponse().description("Success");
            }
            responses.addApiResponse(status, success);
        }
        return success;
    }

    private void addRequestExample(Operation operation, String file) {
        RequestBody body = operation.getRequestBody();
        if (body == null) {
            body = new RequestBody();
            operation.setRequestBody(body);
        }
        if (body.getContent() == null) {
            body.setContent(new Content());
        }
        // name.multipart.json: a multipart/form-data body, part name -> file in docs/examples
        String type = file.endsWith(".csv") ? CSV : file.endsWith(MULTIPART_SUFFIX) ? MULTIPART : JSON;
        MediaType media = body.getContent().get(type);
        if (media == null) {
            media = new MediaType();
            body.getContent().addMediaType(type, media);
        }
        addExample(media, file);
    }

    private static MediaType content(ApiResponse response, String mediaType) {
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        Content content = response.getContent();
        MediaType media = content.get(mediaType);
        if (media == null && !PROBLEM_JSON.equals(mediaType)) {
            // springdoc names the produced type; take whichever JSON type it chose
            media = content.values().stream().findFirst().orElse(null);
        }
        if (media == null) {
            media = new MediaType();
            content.addMediaType(mediaType, media);
        }
        return media;
    }

    private void addExample(MediaType media, String file) {
        Object value = read(file);
        if (value != null) {
            media.addExamples(file.substring(0, file.lastIndexOf('.')), new Example().value(value));
        }
    }

    private static boolean hasSchema(OpenAPI openApi, String name) {
        return openApi.getComponents() != null
                && openApi.getComponents().getSchemas() != null
                && openApi.getComponents().getSchemas().containsKey(name);
    }

    private static boolean exists(String file) {
        return new ClassPathResource("examples/" + file).exists();
    }

    /** The example's value: JSON as a tree, CSV as text; null when the file is not on the class path. */
    private Object read(String file) {
        ClassPathResource resource = new ClassPathResource("examples/" + file);
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return file.endsWith(".json")
                    ? mapper.readValue(in, Object.class)
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
