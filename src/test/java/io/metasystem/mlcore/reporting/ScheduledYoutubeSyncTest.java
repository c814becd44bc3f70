package io.metasystem.mlcore.reporting;

import com.sun.net.httpserver.HttpServer;
import io.metasystem.mlcore.config.InvalidConfigurationException;
import io.metasystem.mlcore.config.YoutubeProperties;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scheduled YouTube sync's run against a local fake of the Analytics API, on the real store: days land merged by
 * (artist, day), a second run changes nothing, an artist whose channel answers with a quota error is skipped; each
 * artist's run is a job record with trigger {@code schedule}.
 */
class ScheduledYoutubeSyncTest extends WebApiTest {
    @Autowired
    ArtistStore artists;

    @Autowired
    PlatformImporter importer;

    @Autowired
    ReportService reports;

    @Autowired
    YoutubeSyncJobs jobs;

    @Test
    void syncsEveryArtistWithAChannelAndSkipsQuotaFailures() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/reports", exchange -> {
            boolean quota = exchange.getRequestURI().getRawQuery().contains("UCquota");
            byte[] body = (quota ? YoutubeAnalyticsClientTest.QUOTA : YoutubeAnalyticsClientTest.TABLE)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(quota ? 403 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        YoutubeProperties properties = new YoutubeProperties(
                YoutubeAnalyticsClientTest.TOKEN,
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "0 0 5 * * *",
                2);
        YoutubeSync youtube = new YoutubeSync(properties, artists, importer, jobs);
        try {
            artists.put("yt-sync-ok", new ArtistSpec("Ok", List.of("771001"), List.of(), null, "UCok"));
            artists.put("yt-sync-quota", new ArtistSpec("Quota", List.of("771002"), List.of(), null, "UCquota"));
            Clock clock = Clock.fixed(Instant.parse("2026-10-03T05:00:00Z"), ZoneOffset.UTC);
            ScheduledYoutubeSync sync = new ScheduledYoutubeSync(properties, artists, youtube, clock);
            assertThat(sync.task()).isPresent();
            int synced = sync.runOnce();
            assertThat(synced).isGreaterThanOrEqualTo(1);
            ArtistReport report = reports.report("yt-sync-ok", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
            assertThat(report.totals().get("youtube_views")).isEqualByComparingTo("2716");
            assertThat(report.totals().get("subscribers_gained")).isEqualByComparingTo("11");
            assertThat(reports.report("yt-sync-quota", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2))
                            .totals()
                            .get("youtube_views"))
                    .isZero();
            assertThat(sync.runOnce()).isEqualTo(synced);
            assertThat(importer.youtubeDays(
                                    "yt-sync-ok", YoutubeAnalyticsClient.parse(YoutubeAnalyticsClientTest.TABLE), "api")
                            .unchanged())
                    .isEqualTo(2);
            YoutubeSyncJob quota = youtube.runNow(
                    "yt-sync-quota", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), SyncTrigger.SCHEDULE);
            assertThat(quota.status()).isEqualTo(JobStatus.FAILED);
            assertThat(quota.trigger()).isEqualTo(SyncTrigger.SCHEDULE);
            assertThat(quota.error()).contains("quotaExceeded").doesNotContain(YoutubeAnalyticsClientTest.TOKEN);
        } finally {
            youtube.stop();
            server.stop(0);
        }
    }

    @Test
    void configurationNamesTheVariableAndHidesTheToken() {
        assertThatThrownBy(() -> new YoutubeProperties("", "https://x.test", "0 0 5 * * *", 3))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("YOUTUBE_ACCESS_TOKEN");
        assertThatThrownBy(() -> new YoutubeProperties("t", "https://x.test", "every day", 3))
                .hasMessageContaining("YOUTUBE_SYNC_CRON");
        assertThat(new YoutubeProperties("ya29.secret", "https://x.test", "-", 3).toString())
                .doesNotContain("ya29.secret");
    }
}
