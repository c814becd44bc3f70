package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.store.StoredJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Graph API (Marketing API) client on Spring's {@link RestClient}.
 * <ul>
 * <li>Base URL {@code META_API_BASE} + version {@code META_API_VERSION}; the token {@code META_ACCESS_TOKEN} is sent as
 * {@code Authorization: Bearer} and every logged URL is passed through {@link #redact(String)}.</li>
 * <li>Paging: follows {@code paging.next} until absent.</li>
 * <li>Rate limits (codes 4, 17, 32, 613, 80000-80014): waits the larger of an exponential back-off with jitter and
 * Meta's {@code estimated_time_to_regain_access}; if that exceeds {@code META_MAX_BACKOFF} or retries run out,
 * {@link MetaRateLimitException}. Usage headers at 95 % or more slow the next call down before Meta blocks.</li>
 * <li>Token errors (190): {@link MetaTokenException} at once, never retried.</li>
 * <li>Invalid parameters (100): {@link MetaValidationException} naming the blamed field.</li>
 * <li>"Too much data" (100/1487534, 1/99, or code 1 asking to reduce the amount of data):
 * {@link MetaTooMuchDataException} at once, so the caller can switch to an async report run.</li>
 * <li>5xx, transient errors (codes 1, 2, {@code is_transient}), timeouts: up to {@code META_MAX_RETRIES} retries
 * with back-off. Writes are retried too: they set absolute values ({@code daily_budget}, {@code status}).</li>
 * </ul>
 * Thread-safe.
 */
class GraphApiClient {
    private static final Logger log = LoggerFactory.getLogger(GraphApiClient.class);
    private static final JsonMapper JSON = StoredJson.MAPPER;
    private static final Pattern TOKEN = Pattern.compile("(access_token|appsecret_proof)=[^&\\s]*");
    private static final Pattern PARAM = Pattern.compile("(?i)param(?:eter)?\\s+\\[?([a-z_][a-z0-9_.\\[\\]]*)");
    private static final double THROTTLE_PERCENT = 95.0;

    /** Waits; replaced in tests to record back-off without waiting. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final MetaProperties properties;
    private final RestClient rest;
    private final Sleeper sleeper;
    private volatile GraphUsage lastUsage = GraphUsage.NONE;

    public GraphApiClient(MetaProperties properties, Sleeper sleeper) {
        this.properties = properties;
        this.sleeper = sleeper;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
    }

    /** {@code true} when a token is configured. */
    public boolean configured() {
        return properties.hasToken();
    }

    /** Usage reported by the last response. */
    public GraphUsage lastUsage() {
        return lastUsage;
    }

    /** The ad account: currency, name, time zone ({@code GET /act_<id>}). */
    public GraphAccount account(String accountId) {
        JsonNode n = get(
                "act_" + MetaProperties.bareAccount(accountId),
                Map.of("fields", "id,account_id,name,currency,timezone_name"));
        return new GraphAccount(
                MetaProperties.bareAccount(accountId), text(n, "name"), text(n, "currency"), text(n, "timezone_name"));
    }

    /** Ad-set fields sync reads: budget and status, targeting and goals (for attributes), the campaign. */
    static final String AD_SET_FIELDS =
            "id,name,status,effective_status,daily_budget,optimization_goal,targeting," + "campaign{id,name,objective}";

    /** Every ad set of the account, all pages ({@code GET /act_<id>/adsets}), with targeting. */
    public List<GraphAdSet> adSets(String accountId) {
        List<GraphAdSet> out = new ArrayList<>();
        forEachPage(
                "act_" + MetaProperties.bareAccount(accountId) + "/adsets",
                Map.of("fields", AD_SET_FIELDS, "limit", "200"),
                page -> page.forEach(n -> out.add(GraphAdSet.from(n))));
        return out;
    }

    /** Current state of some ad sets ({@code GET /?ids=a,b&fields=...}), keyed by id. */
    public Map<String, GraphAdSet> adSetsById(List<String> ids) {
        Map<String, GraphAdSet> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 50) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 50));
            JsonNode n = get(
                    "",
                    Map.of(
                            "ids",
                            String.join(",", chunk),
                            "fields",
                            "id,name,status,effective_status,daily_budget,campaign{id,name}"));
            for (String id : chunk) {
                if (n.has(id)) {
                    out.put(id, GraphAdSet.from(n.get(id)));
                }
            }
        }
        return out;
    }

    /**
     * Daily ad-set insights ({@code level=adset}, {@code time_increment=1}) between two ISO days, page by page.
     *
     * @param pageConsumer receives the {@code data} rows of each page, in the Graph API insights shape
     */
    public void insights(String accountId, String since, String until, Consumer<List<JsonNode>> pageConsumer) {
        Map<String, String> params = insightParams(since, until);
        params.put("limit", "500");
        forEachPage("act_" + MetaProperties.bareAccount(accountId) + "/insights", params, pageConsumer);
    }

    /**
     * Starts an async insights report run with the same parameters as {@link #insights}
     * ({@code POST /act_<id>/insights}).
     *
     * @return the {@code report_run_id}
     * @throws GraphApiException when Meta answers without one
     */
    public String startInsightsReport(String accountId, String since, String until) {
        JsonNode n = post("act_" + MetaProperties.bareAccount(accountId) + "/insights", insightParams(since, until));
        String id = text(n, "report_run_id");
        if (id == null || id.isBlank()) {
            throw new GraphApiException(
                    "POST /act_" + MetaProperties.bareAccount(accountId) + "/insights answered without report_run_id",
                    200,
                    0,
                    null,
                    null);
        }
        return id;
    }

    /** Level, daily increment, range and fields of the daily ad-set insights sync reads. */
    static Map<String, String> insightParams(String since, String until) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("level", "adset");
        params.put("time_increment", "1");
        params.put(
                "fields",
                "account_id,account_currency,campaign_id,campaign_name,adset_id,adset_name,date_start,"
                        + "date_stop,spend,impressions,clicks,actions,action_values");
        params.put("time_range", "{\"since\":\"" + since + "\",\"until\":\"" + until + "\"}");
        return params;
    }

    /** POST of form parameters to an object or edge. */
    public JsonNode post(String path, Map<String, String> form) {
        return call(HttpMethod.POST, uri(path, Map.of()), form);
    }

    /** {@code POST /<adset_id>} with form parameters such as {@code daily_budget} (minor units) or {@code status}. */
    public GraphCall updateAdSet(String adSetId, Map<String, String> form) {
        URI uri = uri(adSetId, Map.of());
        JsonNode body = call(HttpMethod.POST, uri, form);
        return new GraphCall("POST", "/" + properties.apiVersion() + "/" + adSetId, form, body.toString());
    }

    /** GET of one object. */
    public JsonNode get(String path, Map<String, String> params) {
        return call(HttpMethod.GET, uri(path, params), null);
    }

    /** GET of an edge, following {@code paging.next}; each page's {@code data} goes to the consumer. */
    public void forEachPage(String path, Map<String, String> params, Consumer<List<JsonNode>> pageConsumer) {
        URI next = uri(path, params);
        int pages = 0;
        while (next != null) {
            JsonNode page = call(HttpMethod.GET, next, null);
            List<JsonNode> data = new ArrayList<>();
            page.path("data").forEach(data::add);
            pageConsumer.accept(data);
            pages++;
            String link = page.path("paging").path("next").asString(null);
            next = link == null || link.isBlank() || data.isEmpty() ? null : URI.create(link);
            if (pages > 10_000) {
                throw new IllegalStateException("More than 10000 pages from " + redact(path));
            }
        }
    }

    /** The URL with access tokens and app secret proofs replaced, for logs and audit records. */
    public static String redact(String url) {
        return url == null ? null : TOKEN.matcher(url).replaceAll("$1=<redacted>");
    }

    private URI uri(String path, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(properties.apiBase() + "/" + properties.apiVersion() + "/" + path
                + (query.isEmpty() ? "" : "?" + query));
    }

    private record Raw(int status, HttpHeaders headers, String body) {}

    private JsonNode call(HttpMethod method, URI uri, Map<String, String> form) {
        if (!properties.hasToken()) {
            throw new MetaNotConfiguredException("META_ACCESS_TOKEN is not set; the Graph API cannot be called.");
        }
        String shown = method + " " + redact(uri.toString());
        Duration backoff = properties.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            throttleIfNearLimit();
            Raw raw;
            try {
                raw = send(method, uri, form);
            } catch (ResourceAccessException e) {
                String reason = redact(e.getMessage()); // the message quotes the URL, token included
                if (attempt >= properties.maxRetries()) {
                    throw new GraphApiException(
                            shown + " failed after " + (attempt + 1) + " attempts: " + reason, 0, 0, null, null);
                }
                log.warn("{} failed ({}); retry {} of {}", shown, reason, attempt + 1, properties.maxRetries());
                backoff = pause(backoff, Duration.ZERO);
                continue;
            }
            lastUsage = GraphUsage.from(raw.headers());
            if (raw.status() / 100 == 2) {
                return parse(raw.body());
            }
            JsonNode error = parseQuietly(raw.body()).path("error");
            int code = error.path("code").asInt(0);
            Integer subcode =
                    error.has("error_subcode") ? error.path("error_subcode").asInt() : null;
            String message = error.path("message").asString("HTTP " + raw.status());
            String userMessage = error.path("error_user_msg").asString(null);
            String trace = error.path("fbtrace_id").asString(null);
            String detail = shown + " → HTTP " + raw.status() + ", code " + code
                    + (subcode == null ? "" : "/" + subcode) + ": " + (userMessage != null ? userMessage : message);
            if (MetaErrorCodes.isTokenError(code)) {
                log.error("Meta access token rejected: {}", detail);
                throw new MetaTokenException(
                        "Meta access token is invalid or expired (code " + code + "): " + message,
                        raw.status(),
                        code,
                        subcode,
                        trace);
            }
            if (tooMuchData(code, subcode, message)) {
                throw new MetaTooMuchDataException(
                        "Meta asks for less data per call: " + detail, raw.status(), code, subcode, trace);
            }
            if (code == MetaErrorCodes.INVALID_PARAMETER) {
                throw new MetaValidationException(
                        userMessage != null ? userMessage : message,
                        blamedField(error),
                        raw.status(),
                        code,
                        subcode,
                        trace);
            }
            boolean rateLimited = MetaErrorCodes.isRateLimit(code);
            boolean transientError = raw.status() >= 500
                    || MetaErrorCodes.isTransient(code)
                    || error.path("is_transient").asBoolean(false);
            if (!rateLimited && !transientError) {
                throw new GraphApiException(detail, raw.status(), code, subcode, trace);
            }
            Duration regain = rateLimited ? lastUsage.regainAccess() : Duration.ZERO;
            if (rateLimited && regain.compareTo(properties.maxBackoff()) > 0) {
                throw new MetaRateLimitException(
                        "Rate limited; Meta estimates access is regained in " + regain.toMinutes() + " min: " + detail,
                        regain,
                        raw.status(),
                        code,
                        subcode,
                        trace);
            }
            if (attempt >= properties.maxRetries()) {
                if (rateLimited) {
                    throw new MetaRateLimitException(
                            "Still rate limited after " + (attempt + 1) + " attempts: " + detail,
                            backoff,
                            raw.status(),
                            code,
                            subcode,
                            trace);
                }
                throw new GraphApiException(
                        "Failed after " + (attempt + 1) + " attempts: " + detail, raw.status(), code, subcode, trace);
            }
            log.warn("{}; retry {} of {}", detail, attempt + 1, properties.maxRetries());
            lastUsage = GraphUsage.NONE; // this pause already honours the reported usage
            backoff = pause(backoff, regain);
        }
    }

    private Raw send(HttpMethod method, URI uri, Map<String, String> form) {
        RestClient.RequestBodySpec spec = rest.method(method)
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                .accept(MediaType.APPLICATION_JSON);
        if (form != null) {
            String encoded = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(encoded);
        }
        return spec.exchange((request, response) -> {
            byte[] bytes;
            try {
                bytes = response.getBody().readAllBytes();
            } catch (IOException e) {
                bytes = new byte[0];
            }
            return new Raw(
                    response.getStatusCode().value(), response.getHeaders(), new String(bytes, StandardCharsets.UTF_8));
        });
    }

    /** Sleeps max(jittered back-off, regain) capped at META_MAX_BACKOFF; returns the next back-off. */
    private Duration pause(Duration backoff, Duration regain) {
        long base = Math.max(1, backoff.toMillis());
        Duration jittered =
                Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        Duration wait = jittered.compareTo(regain) >= 0 ? jittered : regain;
        if (wait.compareTo(properties.maxBackoff()) > 0) {
            wait = properties.maxBackoff();
        }
        sleep(wait);
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
    }

    private void throttleIfNearLimit() {
        GraphUsage usage = lastUsage;
        if (usage.maxPercent() >= THROTTLE_PERCENT) {
            Duration wait = usage.regainAccess().isZero() ? properties.initialBackoff() : usage.regainAccess();
            if (wait.compareTo(properties.maxBackoff()) > 0) {
                wait = properties.maxBackoff();
            }
            log.warn("Meta usage at {} %; pausing {} ms before the next call", usage.maxPercent(), wait.toMillis());
            lastUsage = GraphUsage.NONE;
            sleep(wait);
        }
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphApiException("Interrupted while backing off", 0, 0, null, null);
        }
    }

    /**
     * The errors Meta answers when one call asks for too much data: 100/1487534 (insights data-per-call limit, Insights
     * API "Limits and Best Practices"), 1/99, and code 1 with "reduce the amount of data" in the message.
     */
    static boolean tooMuchData(int code, Integer subcode, String message) {
        if (code == MetaErrorCodes.INVALID_PARAMETER
                && subcode != null
                && subcode == MetaErrorCodes.SUBCODE_TOO_MUCH_DATA) {
            return true;
        }
        return code == MetaErrorCodes.UNKNOWN
                && ((subcode != null && subcode == MetaErrorCodes.SUBCODE_TOO_MUCH_DATA_UNKNOWN)
                        || (message != null && message.toLowerCase(Locale.ROOT).contains("reduce the amount of data")));
    }

    /** Field Meta blamed: {@code error_data.blame_field_specs}, else "param X" in the messages. */
    static String blamedField(JsonNode error) {
        JsonNode data = error.path("error_data");
        if (data.isString()) {
            data = parseQuietly(data.asString());
        }
        JsonNode blame = data.path("blame_field_specs");
        if (blame.isArray() && !blame.isEmpty()) {
            JsonNode first = blame.get(0);
            if (first.isArray() && !first.isEmpty()) {
                List<String> parts = new ArrayList<>();
                first.forEach(p -> parts.add(p.asString()));
                return String.join(".", parts);
            }
            if (first.isString()) {
                return first.asString();
            }
        }
        for (String text : new String[] {
            error.path("error_user_msg").asString(""), error.path("message").asString("")
        }) {
            Matcher m = PARAM.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static JsonNode parse(String body) {
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return parse(body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
