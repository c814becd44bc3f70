package io.metasystem.mlcore.meta;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for graph.facebook.com, on the JDK's HTTP server, reproducing the documented shapes: edges with
 * {@code data} and {@code paging.next} (carrying {@code access_token}, as Meta's do), the {@code ids=} multi-object
 * read,
 * {@code POST /<adset_id>} answering {@code {"success": true}}, error bodies {@code {"error": {...}}} and the usage
 * headers, and async insight report runs ({@code POST /act_<id>/insights} → {@code {"report_run_id"}}, polled at
 * {@code GET /<run>} through {@code Job Not Started}, {@code Job Running} with {@code async_percent_completion}, to
 * {@code Job Completed} or a scripted failure, then paged rows at {@code GET /<run>/insights}). Scripted responses
 * (per "METHOD /path") are served first, then the stateful behaviour.
 */
public final class FakeGraphApi implements AutoCloseable {
    public static final String VERSION = "v23.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Received(
            String method, String path, Map<String, String> query, Map<String, String> form, String authorization) {}

    public record Scripted(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> adSets = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ObjectNode> insights = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> failingUpdates = new ConcurrentHashMap<>();
    private final Map<String, ReportRun> runs = new ConcurrentHashMap<>();
    private volatile int pollsBeforeCompletion = 2;
    private volatile String nextRunOutcome = "Job Completed";
    private volatile String currency = "EUR";
    private volatile int pageSize = 2;
    private volatile CountDownLatch hold;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger adSetWrites = new AtomicInteger();
    private volatile int holdAnswerToWrite;
    private volatile CountDownLatch answerHold;
    private volatile int loseWrite;
    private volatile CountDownLatch loseHold;
    private volatile String lostWritePath;

    public FakeGraphApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Holds every request until {@code release} counts down (a hung Graph API), or answers at once again for null;
     * {@link #held()} counts the requests that were held.
     */
    public FakeGraphApi holdUntil(CountDownLatch release) {
        hold = release;
        return this;
    }

    /**
     * Makes the {@code nth} ad-set write ({@code POST /<adset_id>}, counted from now) take effect at once, as Meta
     * would, but holds its answer until {@code release} counts down: the change reached Meta and the caller never
     * learns it (the caller dies, or times out). {@link #held()} counts it too.
     */
    public FakeGraphApi holdAnswerToAdSetWrite(int nth, CountDownLatch release) {
        adSetWrites.set(0);
        answerHold = release;
        holdAnswerToWrite = nth;
        return this;
    }

    /**
     * Makes the {@code nth} ad-set write ({@code POST /<adset_id>}, counted from now) never reach Meta: it is held
     * before anything is recorded or changed until {@code release} counts down, then dropped without an answer (the
     * caller died or timed out before its request arrived). {@link #held()} counts it, {@link #lostWritePath()} names
     * it; it is not among {@link #received()}.
     */
    public FakeGraphApi loseAdSetWrite(int nth, CountDownLatch release) {
        adSetWrites.set(0);
        lostWritePath = null;
        loseHold = release;
        loseWrite = nth;
        return this;
    }

    /** Path of the write {@link #loseAdSetWrite} dropped, null before it arrived. */
    public String lostWritePath() {
        return lostWritePath;
    }

    /** How many requests {@link #holdUntil} held so far. */
    public int held() {
        return held.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeGraphApi currency(String value) {
        currency = value;
        return this;
    }

    public FakeGraphApi pageSize(int value) {
        pageSize = value;
        return this;
    }

    public FakeGraphApi adSet(String id, String name, String status, Long dailyBudgetMinor, String campaignId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("name", name);
        n.put("status", status);
        n.put("effective_status", status);
        if (dailyBudgetMinor != null) {
            n.put("daily_budget", Long.toString(dailyBudgetMinor));
        }
        ObjectNode campaign = n.putObject("campaign");
        campaign.put("id", campaignId);
        campaign.put("name", "Campaign " + campaignId);
        adSets.put(id, n);
        return this;
    }

    public FakeGraphApi insight(
            String adSetId,
            String date,
            String spend,
            long impressions,
            long clicks,
            long purchases,
            String purchaseValue) {
        ObjectNode adSet = adSets.get(adSetId);
        ObjectNode n = JSON.createObjectNode();
        n.put("account_id", "123");
        n.put("campaign_id", adSet.path("campaign").path("id").asString());
        n.put("campaign_name", adSet.path("campaign").path("name").asString());
        n.put("adset_id", adSetId);
        n.put("adset_name", adSet.path("name").asString());
        n.put("date_start", date);
        n.put("date_stop", date);
        n.put("spend", spend);
        n.put("impressions", Long.toString(impressions));
        n.put("clicks", Long.toString(clicks));
        ArrayNode actions = n.putArray("actions");
        actions.addObject()
                .put("action_type", "offsite_conversion.fb_pixel_purchase")
                .put("value", Long.toString(purchases));
        ArrayNode values = n.putArray("action_values");
        values.addObject()
                .put("action_type", "offsite_conversion.fb_pixel_purchase")
                .put("value", purchaseValue);
        insights.add(n);
        return this;
    }

    /** A report run: how often it was polled, and after how many polls it ends in which status. */
    public static final class ReportRun {
        final int pollsBeforeEnd;
        final String outcome;
        final Map<String, String> params;
        int polls;

        ReportRun(int pollsBeforeEnd, String outcome, Map<String, String> params) {
            this.pollsBeforeEnd = pollsBeforeEnd;
            this.outcome = outcome;
            this.params = params;
        }

        public synchronized int polls() {
            return polls;
        }

        public Map<String, String> params() {
            return params;
        }
    }

    /** Report runs answer "running" to this many polls before they end. */
    public FakeGraphApi pollsBeforeCompletion(int value) {
        pollsBeforeCompletion = value;
        return this;
    }

    /** The next report run ends in this status ({@code Job Failed}, {@code Job Skipped}) instead of completing. */
    public FakeGraphApi failNextReportRun(String status) {
        nextRunOutcome = status;
        return this;
    }

    /** Report runs created so far, by id. */
    public Map<String, ReportRun> reportRuns() {
        return Map.copyOf(runs);
    }

    /** Sets the ad set's targeting spec (JSON) and goals, as {@code GET /act_<id>/adsets} returns them. */
    public FakeGraphApi targeting(String adSetId, String targetingJson, String objective, String optimizationGoal) {
        ObjectNode adSet = adSets.get(adSetId);
        adSet.set("targeting", JSON.readTree(targetingJson));
        adSet.put("optimization_goal", optimizationGoal);
        ((ObjectNode) adSet.get("campaign")).put("objective", objective);
        return this;
    }

    /** Makes every update of this ad set fail with a Graph API error 100 blaming daily_budget. */
    public FakeGraphApi failUpdates(String adSetId, String message) {
        failingUpdates.put(adSetId, message);
        return this;
    }

    public FakeGraphApi healUpdates(String adSetId) {
        failingUpdates.remove(adSetId);
        return this;
    }

    /** Serves these responses, in order, to the next calls of {@code "GET /v23.0/act_1/adsets"} and the like. */
    public FakeGraphApi script(String methodAndPath, Scripted... responses) {
        scripts.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    public static Scripted error(int status, int code, Integer subcode, String message, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", code == 190 ? "OAuthException" : "OAuthException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "AbCdEf123");
        return new Scripted(status, body.toString(), headers);
    }

    /** A first page of one insight row whose {@code paging.next} points at the same path, so a later page can fail. */
    public Scripted firstInsightPage(String path) {
        return new Scripted(
                200,
                "{\"data\":[{\"adset_id\":\"a1\",\"date_start\":\"2026-09-01\",\"date_stop\":"
                        + "\"2026-09-01\",\"spend\":\"1\"}],\"paging\":{\"next\":\"" + baseUrl() + path
                        + "?after=1\"}}",
                Map.of());
    }

    public static Scripted rateLimited(int code, int regainMinutes) {
        return error(
                400,
                code,
                2446079,
                "(#" + code + ") User request limit reached",
                Map.of(
                        "X-Business-Use-Case-Usage",
                        "{\"1234\":[{\"type\":\"ads_management\",\"call_count\":100,"
                                + "\"total_cputime\":40,\"total_time\":35,\"estimated_time_to_regain_access\":"
                                + regainMinutes + "}]}"));
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> writes() {
        return received().stream().filter(r -> r.method().equals("POST")).toList();
    }

    public void reset() {
        received.clear();
    }

    /**
     * Back to a freshly started fake (no ad sets, insights, scripts, report runs or recorded calls; default page size,
     * polls and currency), so test classes can share one server and one Spring context.
     */
    public FakeGraphApi clear() {
        received.clear();
        scripts.clear();
        adSets.clear();
        insights.clear();
        failingUpdates.clear();
        runs.clear();
        pollsBeforeCompletion = 2;
        nextRunOutcome = "Job Completed";
        currency = "EUR";
        pageSize = 2;
        answerHold = null;
        holdAnswerToWrite = 0;
        loseHold = null;
        loseWrite = 0;
        lostWritePath = null;
        held.set(0);
        return this;
    }

    public JsonNode adSetState(String id) {
        return adSets.get(id).deepCopy();
    }

    /**
     * Counts a held request and waits (at most two minutes) until {@code gate} opens.
     *
     * @return false when the wait was interrupted
     */
    private boolean held(CountDownLatch gate) {
        held.incrementAndGet();
        try {
            gate.await(2, TimeUnit.MINUTES);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether this request is an ad-set write ({@code POST /<adset_id>}), the {@code nth} counted since the hold. */
    private boolean isNthAdSetWrite(String method, String path, int nth) {
        return method.equals("POST")
                && adSets.containsKey(path.substring(path.lastIndexOf('/') + 1))
                && adSetWrites.incrementAndGet() == nth;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            CountDownLatch gate = hold;
            if (gate != null && !held(gate)) {
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
            Map<String, String> form =
                    decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            CountDownLatch loseGate = loseHold;
            if (loseGate != null && isNthAdSetWrite(method, path, loseWrite)) {
                lostWritePath = path;
                held(loseGate);
                return;
            }
            received.add(new Received(
                    method, path, query, form, exchange.getRequestHeaders().getFirst("Authorization")));
            Deque<Scripted> queue = scripts.get(method + " " + path);
            Scripted scripted = queue == null ? null : queue.pollFirst();
            if (scripted == null) {
                scripted = stateful(method, path, query, form);
            }
            CountDownLatch answerGate = answerHold;
            if (answerGate != null && isNthAdSetWrite(method, path, holdAnswerToWrite) && !held(answerGate)) {
                return;
            }
            scripted.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders()
                    .add("X-Ad-Account-Usage", "{\"acc_id_util_pct\":3.5,\"reset_time_duration\":0}");
            byte[] bytes = scripted.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(scripted.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Scripted stateful(String method, String path, Map<String, String> query, Map<String, String> form) {
        String prefix = "/" + VERSION + "/";
        if (!path.startsWith(prefix)) {
            return error(400, 2635, null, "Unknown API version", Map.of());
        }
        String rest = path.substring(prefix.length());
        if (method.equals("POST") && rest.startsWith("act_") && rest.endsWith("/insights")) {
            String id = "rr-" + (runs.size() + 1);
            runs.put(id, new ReportRun(pollsBeforeCompletion, nextRunOutcome, Map.copyOf(form)));
            nextRunOutcome = "Job Completed";
            return ok("{\"report_run_id\":\"" + id + "\"}");
        }
        if (method.equals("GET") && runs.containsKey(rest)) {
            ReportRun run = runs.get(rest);
            ObjectNode state = JSON.createObjectNode();
            state.put("id", rest);
            synchronized (run) {
                run.polls++;
                boolean ended = run.polls > run.pollsBeforeEnd;
                state.put("async_status", ended ? run.outcome : run.polls == 1 ? "Job Not Started" : "Job Running");
                state.put(
                        "async_percent_completion",
                        ended && run.outcome.equals("Job Completed")
                                ? 100
                                : Math.min(99, 100 * (run.polls - 1) / Math.max(1, run.pollsBeforeEnd)));
            }
            return ok(state.toString());
        }
        if (method.equals("GET")
                && rest.endsWith("/insights")
                && runs.containsKey(rest.substring(0, rest.length() - 9))) {
            ReportRun run = runs.get(rest.substring(0, rest.length() - 9));
            synchronized (run) {
                if (run.polls <= run.pollsBeforeEnd || !run.outcome.equals("Job Completed")) {
                    return error(400, 100, 2601, "The report is not ready", Map.of());
                }
            }
            return page(path, query, new ArrayList<>(insights));
        }
        if (method.equals("GET") && rest.endsWith("/adsets")) {
            return page(path, query, new ArrayList<>(adSets.values()));
        }
        if (method.equals("GET") && rest.endsWith("/insights")) {
            return page(path, query, new ArrayList<>(insights));
        }
        if (method.equals("GET") && rest.isEmpty() && query.containsKey("ids")) {
            ObjectNode out = JSON.createObjectNode();
            for (String id : query.get("ids").split(",")) {
                if (adSets.containsKey(id)) {
                    out.set(id, adSets.get(id));
                }
            }
            return ok(out.toString());
        }
        if (method.equals("GET") && rest.startsWith("act_")) {
            ObjectNode account = JSON.createObjectNode();
            account.put("id", rest);
            account.put("account_id", rest.substring(4));
            account.put("name", "Label account");
            account.put("currency", currency);
            account.put("timezone_name", "Europe/Berlin");
            return ok(account.toString());
        }
        if (method.equals("POST") && adSets.containsKey(rest)) {
            if (failingUpdates.containsKey(rest)) {
                Scripted e = error(400, 100, 1885272, "Invalid parameter", Map.of());
                ObjectNode body = (ObjectNode) JSON.readTree(e.body());
                ((ObjectNode) body.get("error")).put("error_user_msg", failingUpdates.get(rest));
                ((ObjectNode) body.get("error")).put("error_data", "{\"blame_field_specs\":[[\"daily_budget\"]]}");
                return new Scripted(400, body.toString(), Map.of());
            }
            ObjectNode adSet = adSets.get(rest);
            if (form.containsKey("daily_budget")) {
                adSet.put("daily_budget", form.get("daily_budget"));
            }
            if (form.containsKey("status")) {
                adSet.put("status", form.get("status"));
                adSet.put("effective_status", form.get("status"));
            }
            return ok("{\"success\":true}");
        }
        return error(400, 100, 33, "Unsupported request - object does not exist", Map.of());
    }

    private Scripted page(String path, Map<String, String> query, List<ObjectNode> all) {
        int from = query.containsKey("after") ? Integer.parseInt(query.get("after")) : 0;
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        all.subList(from, to).forEach(data::add);
        ObjectNode paging = body.putObject("paging");
        paging.putObject("cursors").put("before", Integer.toString(from)).put("after", Integer.toString(to));
        if (to < all.size()) {
            StringBuilder next = new StringBuilder(baseUrl() + path + "?access_token=EAAB-secret-in-next");
            query.forEach((k, v) -> {
                if (!k.equals("after") && !k.equals("access_token")) {
                    next.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            next.append("&after=").append(to);
            paging.put("next", next.toString());
        }
        return ok(body.toString());
    }

    private static Scripted ok(String body) {
        return new Scripted(200, body, Map.of());
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
