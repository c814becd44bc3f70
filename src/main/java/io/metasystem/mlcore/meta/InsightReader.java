package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaSyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Reads daily ad-set insights either synchronously (paged {@code GET /act_<id>/insights}) or, for ranges longer than
 * {@code META_ASYNC_INSIGHTS_DAYS} and as the fallback when Meta asks for less data per call, as an async report run:
 * {@code POST /act_<id>/insights} → poll {@code GET /<report_run_id>} until {@code async_status} is
 * {@code Job Completed} ({@code Job Failed} / {@code Job Skipped} fail) → paged {@code GET /<report_run_id>/insights}.
 * Polls wait {@code META_ASYNC_POLL_INTERVAL}, doubling up to one minute, for at most {@code META_ASYNC_TIMEOUT} of
 * waiting in total.
 */
final class InsightReader {
    static final Duration MAX_POLL_WAIT = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(InsightReader.class);

    /** Receives the rows; {@link #restart()} drops what a failed synchronous read had delivered before the fallback. */
    interface Rows {
        void page(List<JsonNode> rows);

        void restart();

        /** {@code async_percent_completion} of the report run, 0-100. */
        void progress(int percent);
    }

    private final GraphApiClient graph;
    private final MetaSyncProperties properties;
    private final GraphApiClient.Sleeper sleeper;

    InsightReader(GraphApiClient graph, MetaSyncProperties properties, GraphApiClient.Sleeper sleeper) {
        this.graph = graph;
        this.properties = properties;
        this.sleeper = sleeper;
    }

    /** @return {@code "sync"}, {@code "async"} or {@code "async_fallback"}: how the rows were read */
    String read(String account, LocalDate since, LocalDate until, Rows rows) {
        long days = ChronoUnit.DAYS.between(since, until) + 1;
        if (properties.asyncInsightsDays() > 0 && days > properties.asyncInsightsDays()) {
            readAsync(account, since, until, rows);
            return "async";
        }
        try {
            graph.insights(account, since.toString(), until.toString(), rows::page);
            return "sync";
        } catch (MetaTooMuchDataException e) {
            log.info(
                    "Account {} {}..{}: {}; reading an async report run instead",
                    account,
                    since,
                    until,
                    e.getMessage());
            rows.restart();
            readAsync(account, since, until, rows);
            return "async_fallback";
        }
    }

    private void readAsync(String account, LocalDate since, LocalDate until, Rows rows) {
        String run = graph.startInsightsReport(account, since.toString(), until.toString());
        Duration wait = properties.asyncPollInterval();
        Duration waited = Duration.ZERO;
        Duration cap = wait.compareTo(MAX_POLL_WAIT) > 0 ? wait : MAX_POLL_WAIT;
        while (true) {
            JsonNode state = graph.get(run, Map.of("fields", "id,async_status,async_percent_completion"));
            String status = state.path("async_status").asString("");
            int percent = Math.max(
                    0, Math.min(100, state.path("async_percent_completion").asInt(0)));
            rows.progress(percent);
            if (status.equals("Job Completed")) {
                break;
            }
            if (status.equals("Job Failed") || status.equals("Job Skipped")) {
                throw new GraphApiException(
                        "Async insights report " + run + " of account " + account + " ended with '" + status + "' at "
                                + percent + " %",
                        200,
                        0,
                        null,
                        null);
            }
            if (waited.plus(wait).compareTo(properties.asyncTimeout()) > 0) {
                throw new GraphApiException(
                        "Async insights report " + run + " of account " + account
                                + " did not complete within META_ASYNC_TIMEOUT " + properties.asyncTimeout() + " ('"
                                + status
                                + "', " + percent + " %)",
                        0,
                        0,
                        null,
                        null);
            }
            sleep(wait);
            waited = waited.plus(wait);
            wait = wait.multipliedBy(2).compareTo(cap) > 0 ? cap : wait.multipliedBy(2);
        }
        graph.forEachPage(run + "/insights", Map.of("limit", "500"), rows::page);
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphApiException("Interrupted while waiting for an async insights report", 0, 0, null, null);
        }
    }
}
