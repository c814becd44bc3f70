package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.store.StoredJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Client of the YouTube Analytics API v2 {@code reports.query}
 * ({@code GET {base}/v2/reports?ids=channel==MINE&dimensions=day&metrics=…}) with an OAuth access token: reads the
 * daily channel metrics as {@link YoutubeDay}s from the documented answer ({@code columnHeaders} naming the columns,
 * {@code rows} the values). Retries 429 and 5xx answers and I/O failures with exponential back-off up to the attempt
 * budget; a 403 with reason {@code quotaExceeded} (or {@code rateLimitExceeded}) is not retried and becomes a 503
 * problem; a 401 a 502 problem about the token. The token is only sent in the {@code Authorization} header and never
 * appears in a message, log line or exception. Used by {@link YoutubeSync} (the sync route and the scheduled task).
 */
public final class YoutubeAnalyticsClient {
    /** The metrics asked for, in this order. */
    static final String METRICS = "views,estimatedMinutesWatched,subscribersGained,subscribersLost,likes,shares";
    /** The quota error reasons of the YouTube APIs. */
    static final List<String> QUOTA_REASONS = List.of("quotaExceeded", "rateLimitExceeded", "dailyLimitExceeded");

    /** Waits between attempts (tests pass one that records instead of sleeping). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final String base;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Sleeper sleeper;

    /**
     * @param base           API base, e.g. {@code https://youtubeanalytics.googleapis.com} ({@code YOUTUBE_API_BASE})
     * @param token          OAuth access token ({@code YOUTUBE_ACCESS_TOKEN}), never logged
     * @param timeout        per-request timeout
     * @param maxAttempts    attempts per call, at least 1
     * @param initialBackoff first wait; doubled after each failed attempt
     */
    public YoutubeAnalyticsClient(
            String base, String token, Duration timeout, int maxAttempts, Duration initialBackoff, Sleeper sleeper) {
        this.base = Objects.requireNonNull(base, "base").replaceAll("/+$", "");
        this.token = Objects.requireNonNull(token, "token");
        this.timeout = timeout;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @param channelId the channel, or null for {@code MINE} (the token's channel)
     * @param from      first day, inclusive
     * @param to        last day, inclusive
     * @return one day per row of the answer, by day
     * @throws ProblemException 503 on quota errors or when retries are used up, 502 on other API errors
     */
    public List<YoutubeDay> daily(String channelId, LocalDate from, LocalDate to) {
        String ids = "channel==" + (channelId == null ? "MINE" : channelId);
        URI uri = URI.create(base + "/v2/reports?ids=" + URLEncoder.encode(ids, StandardCharsets.UTF_8) + "&startDate="
                + from + "&endDate=" + to + "&metrics=" + URLEncoder.encode(METRICS, StandardCharsets.UTF_8)
                + "&dimensions=day&sort=day");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        Duration wait = initialBackoff;
        String last = "no attempt";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return parse(response.body());
                }
                JsonNode error = errorOf(response.body());
                String reason = error.path("errors").path(0).path("reason").asString("");
                String message = error.path("message").asString("HTTP " + status);
                if (status == 403 && QUOTA_REASONS.contains(reason)) {
                    throw problem(
                            ProblemKind.UNAVAILABLE,
                            "YouTube Analytics quota exhausted (" + reason + "): " + message
                                    + "; try again after the quota resets");
                }
                if (status == 401) {
                    throw problem(
                            ProblemKind.BAD_GATEWAY,
                            "YouTube Analytics refused the access token " + "(YOUTUBE_ACCESS_TOKEN): " + message);
                }
                if (status != 429 && status < 500) {
                    throw problem(
                            ProblemKind.BAD_GATEWAY,
                            "YouTube Analytics answered " + status + " (" + reason + "): " + message);
                }
                last = "HTTP " + status + " " + reason;
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw problem(ProblemKind.UNAVAILABLE, "interrupted while calling YouTube Analytics");
            }
            if (attempt < maxAttempts) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw problem(ProblemKind.UNAVAILABLE, "interrupted while calling YouTube Analytics");
                }
                wait = wait.multipliedBy(2);
            }
        }
        throw problem(
                ProblemKind.UNAVAILABLE, "YouTube Analytics failed " + maxAttempts + " times (last: " + last + ")");
    }

    /** Reads {@code columnHeaders} and {@code rows}; unknown columns are ignored, absent ones stay null. */
    static List<YoutubeDay> parse(String body) {
        JsonNode root = StoredJson.MAPPER.readTree(body);
        Map<String, Integer> column = new HashMap<>();
        JsonNode headers = root.path("columnHeaders");
        for (int i = 0; i < headers.size(); i++) {
            column.put(headers.get(i).path("name").asString(), i);
        }
        if (!column.containsKey("day")) {
            throw problem(ProblemKind.BAD_GATEWAY, "YouTube Analytics answered without a 'day' column");
        }
        List<YoutubeDay> out = new ArrayList<>();
        for (JsonNode row : root.path("rows")) {
            LocalDate day = LocalDate.parse(row.get(column.get("day")).asString());
            Long minutes = whole(row, column.get("estimatedMinutesWatched"));
            out.add(new YoutubeDay(
                    day,
                    whole(row, column.get("views")),
                    minutes == null
                            ? null
                            : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP),
                    whole(row, column.get("subscribersGained")),
                    whole(row, column.get("subscribersLost")),
                    null,
                    null,
                    whole(row, column.get("likes")),
                    whole(row, column.get("shares"))));
        }
        return out;
    }

    private static Long whole(JsonNode row, Integer index) {
        if (index == null || row.get(index) == null || row.get(index).isNull()) {
            return null;
        }
        return Math.round(row.get(index).asDouble());
    }

    private static JsonNode errorOf(String body) {
        try {
            return StoredJson.MAPPER.readTree(body).path("error");
        } catch (RuntimeException e) {
            return StoredJson.MAPPER.createObjectNode();
        }
    }

    private static ProblemException problem(ProblemKind kind, String detail) {
        return new ProblemException(kind, null, detail, List.of(new FieldProblem("youtube", detail)), Map.of(), null);
    }
}
