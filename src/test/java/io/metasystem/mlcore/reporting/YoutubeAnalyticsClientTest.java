package io.metasystem.mlcore.reporting;

import com.sun.net.httpserver.HttpServer;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Analytics API client against a local fake that answers with the documented shapes and error bodies. */
class YoutubeAnalyticsClientTest {
    static final String TOKEN = "ya29.secret-token-never-logged";
    static final String TABLE = """
            {"kind": "youtubeAnalytics#resultTable",
             "columnHeaders": [
               {"name": "day", "columnType": "DIMENSION", "dataType": "STRING"},
               {"name": "views", "columnType": "METRIC", "dataType": "INTEGER"},
               {"name": "estimatedMinutesWatched", "columnType": "METRIC", "dataType": "INTEGER"},
               {"name": "subscribersGained", "columnType": "METRIC", "dataType": "INTEGER"},
               {"name": "subscribersLost", "columnType": "METRIC", "dataType": "INTEGER"},
               {"name": "likes", "columnType": "METRIC", "dataType": "INTEGER"},
               {"name": "shares", "columnType": "METRIC", "dataType": "INTEGER"}],
             "rows": [["2026-10-01", 1323, 4366, 5, 2, 80, 7], ["2026-10-02", 1393, 4597, 6, 1, 91, 9]]}
            """;
    static final String QUOTA = """
            {"error": {"code": 403, "message": "The request cannot be completed because you have exceeded your quota.",
             "errors": [{"message": "quota", "domain": "youtube.quota", "reason": "quotaExceeded"}]}}
            """;
    static final String UNAUTHORIZED = """
            {"error": {"code": 401, "message": "Request had invalid authentication credentials.",
             "errors": [{"message": "Invalid Credentials", "domain": "global", "reason": "authError"}],
             "status": "UNAUTHENTICATED"}}
            """;

    HttpServer server;
    final Deque<Object[]> answers = new ArrayDeque<>();
    final List<String> queries = new ArrayList<>();
    final List<String> authorizations = new ArrayList<>();
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/reports", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Object[] answer = answers.isEmpty() ? new Object[] {500, "{}"} : answers.poll();
            byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    YoutubeAnalyticsClient client(int attempts) {
        return new YoutubeAnalyticsClient(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                TOKEN,
                Duration.ofSeconds(5),
                attempts,
                Duration.ofMillis(10),
                waits::add);
    }

    @Test
    void readsTheDocumentedTableAndSendsTheTokenOnlyInTheHeader() {
        answers.add(new Object[] {200, TABLE});
        List<YoutubeDay> days = client(3).daily(null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
        assertThat(days).hasSize(2);
        assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(days.get(0).views()).isEqualTo(1323);
        assertThat(days.get(0).watchTimeHours()).isEqualByComparingTo("72.7667");
        assertThat(days.get(1).subscribersGained()).isEqualTo(6);
        assertThat(days.get(1).shares()).isEqualTo(9);
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        assertThat(queries.get(0)).contains("ids=channel%3D%3DMINE", "dimensions=day", "startDate=2026-10-01");
        assertThat(queries.get(0)).doesNotContain(TOKEN);
    }

    @Test
    void retriesServerErrorsWithDoublingBackOff() {
        answers.add(new Object[] {503, "{\"error\": {\"code\": 503, \"message\": \"backend\"}}"});
        answers.add(new Object[] {500, "{}"});
        answers.add(new Object[] {200, TABLE});
        assertThat(client(3).daily("UC123", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)))
                .hasSize(2);
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(queries.get(2)).contains("channel%3D%3DUC123");
    }

    @Test
    void aQuotaErrorIsNotRetriedAndNeverCarriesTheToken() {
        answers.add(new Object[] {403, QUOTA});
        assertThatThrownBy(() -> client(5).daily(null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("quotaExceeded").doesNotContain(TOKEN);
                });
        assertThat(queries).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRefusedTokenAndExhaustedRetriesAreProblemsWithoutTheToken() {
        answers.add(new Object[] {401, UNAUTHORIZED});
        assertThatThrownBy(() -> client(3).daily(null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.BAD_GATEWAY);
                    assertThat(e.getMessage()).contains("YOUTUBE_ACCESS_TOKEN").doesNotContain(TOKEN);
                });
        assertThatThrownBy(() -> client(2).daily(null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("2 times").doesNotContain(TOKEN);
                });
    }
}
