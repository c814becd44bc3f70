package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.api.HttpClientSupport;
import io.metasystem.mlcore.config.InvalidConfigurationException;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.store.PlatformDataChanged;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Platform feedback into ml through the real server: an artist's Spotify days imported over HTTP join the store's
 * data set as the artist's lagged features of the ad sets promoting it, and a platform change queues the store
 * retraining (once per pending job), whose model is trained on those features.
 */
class PlatformRetrainingTest extends WebApiTest {
    static final String ACCOUNT = "882301";
    static final LocalDate START = LocalDate.of(2026, 6, 1);
    static final int DAYS = 35;
    static final String HEADER = "Campaign ID,Campaign name,Ad set ID,Ad set name,Day,Amount spent (EUR),"
            + "Impressions,Link clicks,Results\n";

    @Autowired
    TrainingJobs jobs;

    @Autowired
    StoreDatasets datasets;

    @Autowired
    PlatformRetraining configured;

    HttpResponse<String> send(String method, String path, String type, String body) {
        HttpClientSupport http = new HttpClientSupport(port);
        return http.send(http.request(path)
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void platformDaysJoinTheDatasetAndAChangeQueuesOneStoreRetraining() {
        StringBuilder insights = new StringBuilder(HEADER);
        StringBuilder timeline = new StringBuilder("date,listeners,streams,followers\n");
        for (int d = -14; d < DAYS; d++) {
            LocalDate day = START.plusDays(d);
            timeline.append(day)
                    .append(',')
                    .append(900 + d)
                    .append(',')
                    .append(5000 + 40 * d)
                    .append(',')
                    .append(10_000 + 3 * (d + 14))
                    .append('\n');
            if (d >= 0) {
                insights.append("88230100300,Single,882301001,Promo A,")
                        .append(day)
                        .append(",20.00,4000,")
                        .append(40 + d % 7)
                        .append(',')
                        .append(2 + d % 4)
                        .append('\n');
                insights.append("88230100301,Other,882301002,Promo B,")
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
                                "/api/v1/artists/ml-platform",
                                "application/json",
                                "{\"name\": \"Platform\", \"ad_accounts\": [\"act_" + ACCOUNT
                                        + "\"], \"campaign_ids\": [\"88230100300\"]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/artists/ml-platform/spotify/timeline.csv", "text/csv", timeline.toString())
                        .statusCode())
                .isEqualTo(200);

        StoreDatasets.Window window = new StoreDatasets.Window(ACCOUNT, START, START.plusDays(DAYS - 1));
        FeatureTable table = datasets.load(window);
        assertThat(table.numericNames()).containsSubsequence(StoreDatasets.SPOTIFY);
        int streams = table.numericNames().indexOf("artist_streams_lag7");
        int followers = table.numericNames().indexOf("artist_followers_gained_lag7");
        // campaign 88230100300 is the artist's by name, 88230100301 by the account (the only artist listing it)
        for (FeatureRow row : table.rows()) {
            // streams 5000 + 40 d are linear: the mean over d-13..d-7 is the value at d-10; followers gain 3 a day
            assertThat(row.numeric()[streams]).as(row.group()).isEqualTo(5000 + 40.0 * (row.day() - 10));
            assertThat(row.numeric()[followers]).isEqualTo(3.0);
        }

        // the service's own listener is off by default (ML_RETRAIN_AFTER_PLATFORM_IMPORT=false)
        PlatformDataChanged change = new PlatformDataChanged("ml-platform", "spotify_timeline", "csv", 49);
        assertThat(configured.changed(change)).isNull();
        MlProperties store =
                new MlProperties("data/samples", 0.01, "-", "unused.csv", "platform-retrain", "store", ACCOUNT, "", 50);
        PlatformRetraining retraining = new PlatformRetraining(jobs, store, datasets, true);
        String id = retraining.changed(change);
        assertThat(id).isNotNull();
        assertThat(retraining.changed(change))
                .as("one pending job covers a burst")
                .isIn(null, id);
        TrainingJob job = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.get(id), j -> j.status().terminal());
        assertThat(job.status()).as(job.progress() + " " + job.error()).isEqualTo(JobStatus.SUCCEEDED);
        HttpClientSupport http = new HttpClientSupport(port);
        String model = http.get("/api/v1/ml/models/" + job.modelVersion() + "?scope=platform-retrain")
                .body();
        assertThat(model).contains("artist_streams_lag7", "artist_followers_gained_lag7");
    }

    @Test
    void retrainingAfterPlatformImportsNeedsTheStoreSource() {
        MlProperties csv = new MlProperties("data/samples", 0.01, "-", "x.csv", "s", "csv", "", "", 50);
        assertThatThrownBy(() -> new PlatformRetraining(jobs, csv, datasets, true))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ML_RETRAIN_AFTER_PLATFORM_IMPORT");
    }
}
