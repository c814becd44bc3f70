package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * YouTube feedback into ml through the real server with {@code ML_RETRAIN_AFTER_PLATFORM_IMPORT=true}: a YouTube
 * Analytics sync (against the local fake) merges the artist's days, which queues the store retraining by itself; the
 * model it trains lists the YouTube features in its provenance, and the data set carries their closed-form lagged
 * means for the ad sets that promote the artist.
 */
@TestPropertySource(
        properties = {
            "mlcore.ml.retrain-after-platform-import=true",
            "mlcore.ml.retrain-source=store",
            "mlcore.ml.retrain-account=act_" + YoutubeRetrainingTest.ACCOUNT,
            "mlcore.ml.retrain-scope=" + YoutubeRetrainingTest.SCOPE,
            "mlcore.ml.max-rounds=40"
        })
class YoutubeRetrainingTest extends WebApiTest {
    static final String ACCOUNT = "882377";
    static final String SCOPE = "youtube-retrain";
    static final String CHANNEL = "UCyoutubeRetrainingTest01";
    static final LocalDate START = LocalDate.of(2026, 5, 1);
    static final int DAYS = 35;

    @Autowired
    StoreDatasets datasets;

    @Autowired
    ObjectMapper json;

    HttpResponse<String> send(String method, String path, String type, String body) {
        HttpClientSupport http = new HttpClientSupport(port);
        return http.send(http.request(path)
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void aYoutubeSyncQueuesARetrainingWhoseModelIsTrainedOnTheYoutubeFeatures() {
        StringBuilder insights = new StringBuilder(PlatformRetrainingTest.HEADER);
        for (int d = -14; d < DAYS; d++) {
            LocalDate day = START.plusDays(d);
            // views 2000 + 30 d and 4 subscribers a day: the mean over d-13..d-7 is the value at d-10
            YOUTUBE.day(CHANNEL, day, 2000 + 30L * d, 6000, 5, 1, 40, 3);
            if (d >= 0) {
                insights.append("88237700300,Single,882377001,Promo A,")
                        .append(day)
                        .append(",20.00,4000,")
                        .append(40 + d % 7)
                        .append(',')
                        .append(2 + d % 4)
                        .append('\n');
                insights.append("88237700301,Other,882377002,Promo B,")
                        .append(day)
                        .append(",15.00,3000,")
                        .append(30 + d % 5)
                        .append(',')
                        .append(1 + d % 2)
                        .append('\n');
            }
        }
        assertThat(send("POST", "/api/v1/accounts/act_" + ACCOUNT + "/insights.csv", "text/csv", insights.toString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "PUT",
                                "/api/v1/artists/ml-youtube",
                                "application/json",
                                "{\"name\": \"Tube\", \"ad_accounts\": [\"act_" + ACCOUNT
                                        + "\"], \"youtube_channel_id\": \"" + CHANNEL + "\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpClientSupport http = new HttpClientSupport(port);
        assertThat(http.get("/api/v1/ml/models?scope=" + SCOPE).body()).isEqualTo("[]");

        HttpResponse<String> started = send(
                "POST",
                "/api/v1/artists/ml-youtube/youtube/sync?since=" + START.minusDays(14) + "&until="
                        + START.plusDays(DAYS - 1),
                "application/json",
                "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String status = json.readTree(started.body()).get("status_url").asString();
        JsonNode job = await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> json.readTree(http.get(status).body()),
                        j -> !j.get("status").asString().equals("running"));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("rows").get("inserted").asLong()).isEqualTo(DAYS + 14);

        // the data set of the account: both ad sets are the artist's (the only artist listing the account)
        FeatureTable table = datasets.load(new StoreDatasets.Window(ACCOUNT, START, START.plusDays(DAYS - 1)));
        assertThat(table.numericNames()).endsWith(StoreDatasets.YOUTUBE.toArray(String[]::new));
        assertThat(table.numericNames()).doesNotContainAnyElementsOf(StoreDatasets.SPOTIFY);
        int views = table.numericNames().indexOf("artist_youtube_views_lag7");
        int subscribers = table.numericNames().indexOf("artist_subscribers_gained_lag7");
        assertThat(table.rows()).hasSize(2 * DAYS);
        for (FeatureRow row : table.rows()) {
            assertThat(row.numeric()[views]).as(row.group()).isEqualTo(2000 + 30.0 * (row.day() - 10));
            assertThat(row.numeric()[subscribers]).isEqualTo(5.0);
        }

        // nobody asked for training: the sync's PlatformDataChanged queued it
        JsonNode models = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> json.readTree(
                                http.get("/api/v1/ml/models?scope=" + SCOPE).body()),
                        m -> !m.isEmpty());
        long version = models.get(0).get("version").asLong();
        String model =
                http.get("/api/v1/ml/models/" + version + "?scope=" + SCOPE).body();
        assertThat(model).contains("artist_youtube_views_lag7", "artist_subscribers_gained_lag7");
    }
}
