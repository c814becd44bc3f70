package io.metasystem.mlcore.api;

import io.metasystem.mlcore.reporting.AttributionService;
import io.metasystem.mlcore.reporting.FakeYoutubeAnalyticsApi;
import io.metasystem.mlcore.reporting.IncrementalPerConversion;
import io.metasystem.mlcore.reporting.model.ArtistSimulator;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.metasystem.mlcore.api.ServiceFoundationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Artists, platform imports, events and the joined report through the real server (H2 and PostgreSQL subclasses):
 * the ad-set → artist rule, idempotent merges, whole-file refusal naming line and column, derived followers.
 */
abstract class ReportingApiContract extends WebApiTest {
    static final String ACCOUNT = "act_881001";
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpClientSupport http;

    @Autowired
    AttributionService attribution;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(port);
    }

    HttpResponse<String> send(String method, String path, String type, String body) {
        return http.send(http.request(path)
                .header("X-API-Key", HttpClientSupport.KEY)
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** Two campaigns in one account: 100 (label-wide, artist A by account) and 200 (artist B by campaign). */
    void importInsights() {
        StringBuilder csv = new StringBuilder(
                "Campaign ID,Campaign name,Ad set ID,Ad set name,Day,Amount spent (EUR)," + "Results\n");
        for (int d = 0; d < 10; d++) {
            String day = START.plusDays(d).toString();
            csv.append("100,Label,881001001,A promo,").append(day).append(",10.00,2\n");
            csv.append("200,Single B,881001002,B promo,")
                    .append(day)
                    .append(",")
                    .append(d < 5 ? "30.00" : "0.00");
            csv.append(",").append(d < 5 ? 3 : 0).append('\n');
        }
        ok(send("POST", "/api/v1/accounts/" + ACCOUNT + "/insights.csv", "text/csv", csv.toString()), 200);
    }

    @Test
    void anArtistIsValidatedStoredAndListed() {
        HttpResponse<String> bad = send(
                "PUT",
                "/api/v1/artists/rep-bad",
                "application/json",
                "{\"ad_accounts\": [], \"campaign_ids\": [\"ok\", \"no spaces\"], \"spotify_artist_id\": 7}");
        assertProblem(bad, 400, "Invalid request");
        List<String> fields = new ArrayList<>();
        JSON.readTree(bad.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "ad_accounts", "campaign_ids[1]", "spotify_artist_id");

        JsonNode artist = ok(
                send(
                        "PUT",
                        "/api/v1/artists/rep-solo",
                        "application/json",
                        "{\"name\": \"Solo\", \"ad_accounts\": [\"act_881009\"], \"youtube_channel_id\": \"UCx1\"}"),
                200);
        assertThat(artist.get("artist_id").asString()).isEqualTo("rep-solo");
        assertThat(artist.get("ad_accounts").get(0).asString()).isEqualTo("881009");
        assertThat(artist.get("youtube_channel_id").asString()).isEqualTo("UCx1");
        assertThat(ok(http.get("/api/v1/artists/rep-solo"), 200).get("name").asString())
                .isEqualTo("Solo");
        List<String> ids = new ArrayList<>();
        ok(http.get("/api/v1/artists"), 200)
                .get("artists")
                .forEach(a -> ids.add(a.get("artist_id").asString()));
        assertThat(ids).contains("rep-solo");
        assertProblem(http.get("/api/v1/artists/rep-nobody"), 404, "Not Found");
        // a second artist taking the whole account again is a conflict naming the field
        HttpResponse<String> conflict = send(
                "PUT",
                "/api/v1/artists/rep-solo2",
                "application/json",
                "{\"name\": \"Solo 2\", \"ad_accounts\": [\"881009\"]}");
        assertProblem(conflict, 409, "Conflict");
        assertThat(conflict.body()).contains("ad_accounts");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aYoutubeSyncIsAJobThatRetriesMergesIdempotentlyAndCanBeSubmittedAgainAfterAQuotaError(CapturedOutput logs) {
        String channel = "UC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        FakeYoutubeAnalyticsApi youtube = WebApiTest.YOUTUBE;
        long views = 0;
        for (int d = 0; d < 10; d++) {
            youtube.day(channel, START.plusDays(d), 1000 + 10L * d, 3000, 5, 1, 40, 3);
            views += 1000 + 10L * d;
        }
        ok(
                send(
                        "PUT",
                        "/api/v1/artists/rep-yt",
                        "application/json",
                        "{\"name\": \"Tube\", \"ad_accounts\": [\"act_881077\"], \"youtube_channel_id\": \"" + channel
                                + "\"}"),
                200);
        String sync = "/api/v1/artists/rep-yt/youtube/sync?since=" + START + "&until=" + START.plusDays(9);

        // a 503 backendError is retried inside the job; the days land merged by (artist, day)
        youtube.script(channel, 503, FakeYoutubeAnalyticsApi.BACKEND_ERROR);
        HttpResponse<String> started = send("POST", sync, "application/json", "");
        JsonNode job = ok(started, 202);
        assertThat(started.headers().firstValue("Location").orElseThrow())
                .isEqualTo(job.get("status_url").asString());
        assertThat(job.get("kind").asString()).isEqualTo("youtube_sync");
        assertThat(job.get("trigger").asString()).isEqualTo("api");
        JsonNode first = finished(job);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("succeeded");
        assertThat(first.get("rows").get("read").asLong()).isEqualTo(10);
        assertThat(first.get("rows").get("inserted").asLong()).isEqualTo(10);
        JsonNode report = ok(http.get("/api/v1/artists/rep-yt/report?from=" + START + "&to=" + START.plusDays(9)), 200);
        assertThat(report.get("totals").get("youtube_views").asLong()).isEqualTo(views);
        assertThat(report.get("totals").get("subscribers_gained").asLong()).isEqualTo(50);

        // the same sync again changes nothing
        JsonNode again = finished(ok(send("POST", sync, "application/json", ""), 202));
        assertThat(again.get("rows").get("unchanged").asLong()).isEqualTo(10);
        assertThat(again.get("rows").get("inserted").asLong()).isZero();

        // a quota error fails the job (not retried), naming the reason and never the token; submitting again resumes
        youtube.script(channel, 403, FakeYoutubeAnalyticsApi.QUOTA);
        JsonNode quota = finished(ok(send("POST", sync, "application/json", ""), 202));
        assertThat(quota.get("status").asString()).isEqualTo("failed");
        assertThat(quota.get("error").asString()).contains("quotaExceeded");
        JsonNode retried = finished(ok(send("POST", sync, "application/json", ""), 202));
        assertThat(retried.get("status").asString()).isEqualTo("succeeded");
        assertThat(retried.get("rows").get("unchanged").asLong()).isEqualTo(10);
        for (FakeYoutubeAnalyticsApi.Received r : youtube.received()) {
            assertThat(r.query().toString()).doesNotContain(WebApiTest.YOUTUBE_TOKEN);
        }
        assertThat(youtube.received().stream()
                        .filter(r -> r.query().get("ids").equals("channel==" + channel))
                        .map(FakeYoutubeAnalyticsApi.Received::authorization))
                .hasSize(5)
                .allMatch(a -> a.equals("Bearer " + WebApiTest.YOUTUBE_TOKEN));
        assertThat(quota.toString() + retried).doesNotContain(WebApiTest.YOUTUBE_TOKEN);
        assertThat(logs.getAll()).contains("YouTube sync").doesNotContain(WebApiTest.YOUTUBE_TOKEN);

        // refusals: no channel (422), unknown artist or job (404), a reversed range (400), each naming its field
        ok(
                send(
                        "PUT",
                        "/api/v1/artists/rep-yt-none",
                        "application/json",
                        "{\"name\": \"No channel\", \"ad_accounts\": [\"act_881078\"]}"),
                200);
        HttpResponse<String> noChannel =
                send("POST", "/api/v1/artists/rep-yt-none/youtube/sync", "application/json", "");
        assertProblem(noChannel, 422, "Request cannot be satisfied");
        assertThat(noChannel.body()).contains("youtube_channel_id");
        assertProblem(
                send("POST", "/api/v1/artists/rep-yt-nobody/youtube/sync", "application/json", ""), 404, "Not Found");
        HttpResponse<String> reversed = send(
                "POST",
                "/api/v1/artists/rep-yt/youtube/sync?since=" + START.plusDays(9) + "&until=" + START,
                "application/json",
                "");
        assertProblem(reversed, 400, "Invalid request");
        assertThat(reversed.body()).contains("\"until\"");
        HttpResponse<String> otherArtist = http.get(
                "/api/v1/artists/rep-yt-none/youtube/sync/" + job.get("job_id").asString());
        assertProblem(otherArtist, 404, "Not Found");
        assertThat(otherArtist.body()).contains("job_id");
    }

    private JsonNode finished(JsonNode job) {
        String url = job.get("status_url").asString();
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> ok(http.get(url), 200),
                        j -> !j.get("status").asString().equals("running"));
    }

    @Test
    void importsMergeIdempotentlyRefuseBadFilesAndJoinIntoTheReport() {
        ok(
                send(
                        "PUT",
                        "/api/v1/artists/rep-a",
                        "application/json",
                        "{\"name\": \"A\", \"ad_accounts\": [\"" + ACCOUNT + "\"]}"),
                200);
        ok(
                send(
                        "PUT",
                        "/api/v1/artists/rep-b",
                        "application/json",
                        "{\"name\": \"B\", \"ad_accounts\": [\"" + ACCOUNT + "\"], \"campaign_ids\": [\"200\"]}"),
                200);
        importInsights();

        StringBuilder timeline = new StringBuilder("Date,LISTENERS,Streams,followers\n");
        for (int d = 0; d < 10; d++) {
            timeline.append(START.plusDays(d))
                    .append(',')
                    .append(400 + d)
                    .append(',')
                    .append(1000 + 10 * d)
                    .append(',')
                    .append(5000 + 3 * d)
                    .append('\n');
        }
        String path = "/api/v1/artists/rep-a/spotify/timeline.csv";
        JsonNode first = ok(send("POST", path, "text/csv", timeline.toString()), 200);
        assertThat(first.get("inserted").asLong()).isEqualTo(10);
        JsonNode again = ok(send("POST", path, "text/csv", timeline.toString()), 200);
        assertThat(again.get("unchanged").asLong()).isEqualTo(10);
        assertThat(again.get("inserted").asLong()).isZero();

        // a bad cell on line 4 refuses the whole file, which also carries a change on line 2
        String bad = "date,listeners,streams,followers\n" + START + ",1,99999,5000\n" + START.plusDays(1)
                + ",1,1010,5003\n" + START.plusDays(2) + ",1,lots,5006\n";
        HttpResponse<String> refused = send("POST", path, "text/csv", bad);
        assertProblem(refused, 400, "Invalid request");
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(4);
        assertThat(error.get("column").asString()).isEqualTo("streams");
        HttpResponse<String> missing = send("POST", path, "text/csv", "date,listeners,followers\n" + START + ",1,2\n");
        assertProblem(missing, 400, "Invalid request");
        assertThat(JSON.readTree(missing.body())
                        .get("errors")
                        .get(0)
                        .get("column")
                        .asString())
                .isEqualTo("streams");
        // the insight import's size limit (256 KB in this profile) holds for the platform imports too
        assertProblem(
                send("POST", path, "text/csv", "date,streams\n" + (START + ",1\n").repeat(30_000)),
                413,
                "Content Too Large");
        assertProblem(
                send("POST", "/api/v1/artists/rep-nobody/spotify/timeline.csv", "text/csv", timeline.toString()),
                404,
                "Not Found");

        // YouTube Studio's table export by multipart upload, with its Total row
        StringBuilder studio = new StringBuilder("Date,Views,Watch time (hours),Subscribers,Impressions,"
                + "Impressions click-through rate (%)\nTotal,1450,100.5,45,20000,4.1\n");
        for (int d = 0; d < 10; d++) {
            studio.append(START.plusDays(d))
                    .append(",")
                    .append(100 + d * 10)
                    .append(",10.05,")
                    .append(d % 3 - 0);
            studio.append(",2000,4.1\n");
        }
        String boundary = "----reporting-test";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Table "
                + "data.csv\"\r\nContent-Type: text/csv\r\n\r\n" + studio + "\r\n--" + boundary + "--\r\n";
        JsonNode youtube = ok(
                http.send(http.request("/api/v1/artists/rep-a/youtube/daily.csv")
                        .header("X-API-Key", HttpClientSupport.KEY)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8))
                        .build()),
                200);
        assertThat(youtube.get("rows_read").asLong()).isEqualTo(10);

        JsonNode event = ok(
                send(
                        "POST",
                        "/api/v1/artists/rep-a/events",
                        "application/json",
                        "{\"date\": \"" + START.plusDays(3) + "\", \"type\": \"release\", \"name\": \"Single\"}"),
                201);
        assertThat(event.get("type").asString()).isEqualTo("release");
        assertProblem(
                send(
                        "POST",
                        "/api/v1/artists/rep-a/events",
                        "application/json",
                        "{\"date\": \"soon\", \"type\": \"party\", \"name\": \"x\"}"),
                400,
                "Invalid request");
        assertThat(ok(http.get("/api/v1/artists/rep-a/events"), 200).get("events"))
                .hasSize(1);

        String range = "?from=" + START + "&to=" + START.plusDays(9);
        JsonNode a = ok(http.get("/api/v1/artists/rep-a/report" + range), 200);
        assertThat(a.get("days")).hasSize(10);
        assertThat(a.get("currency").asString()).isEqualTo("EUR");
        // artist A: campaign 100 only (campaign 200 is B's): 10 days × 10.00
        assertThat(a.get("totals").get("spend").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(a.get("totals").get("meta_conversions").decimalValue()).isEqualByComparingTo("20");
        long streams = 0;
        for (int d = 0; d < 10; d++) {
            streams += 1000 + 10 * d;
        }
        assertThat(a.get("totals").get("streams").asLong()).isEqualTo(streams);
        // followers are cumulative: 3 a day from the second day on
        assertThat(a.get("days").get(0).path("followers_gained").isNumber()).isFalse();
        assertThat(a.get("days").get(5).get("followers_gained").asLong()).isEqualTo(3);
        assertThat(a.get("totals").get("followers_gained").asLong()).isEqualTo(27);
        assertThat(a.get("totals").get("youtube_views").asLong()).isEqualTo(1450);
        assertThat(a.get("naive_ratios").get("naive_cost_per_stream").decimalValue())
                .isEqualByComparingTo(a.get("totals")
                        .get("spend")
                        .decimalValue()
                        .divide(a.get("totals").get("streams").decimalValue(), 6, RoundingMode.HALF_UP));
        assertThat(a.get("naive_ratios").get("note").asString()).contains("NOT");
        // no per-song import yet: an empty list; then the snapshot, most streamed first, shares of 3000 streams
        assertThat(a.get("songs")).isEmpty();
        String songs = "Song,Listeners,Streams,Saves,Release date\nOld,100,500,10,2025-01-01\n\"New, remix\",800,2500,"
                + "200," + START.plusDays(2) + "\nNo date,5,0,1,\n";
        ok(send("POST", "/api/v1/artists/rep-a/spotify/songs.csv", "text/csv", songs), 200);
        JsonNode perSong = ok(http.get("/api/v1/artists/rep-a/report" + range), 200);
        assertThat(perSong.get("songs_note").asString()).contains("not this report's range");
        JsonNode top = perSong.get("songs").get(0);
        assertThat(top.get("song").asString()).isEqualTo("New, remix");
        assertThat(top.get("share_of_streams").decimalValue()).isEqualByComparingTo("0.8333");
        assertThat(top.get("saves_per_listener").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(top.get("released_in_range").asBoolean()).isTrue();
        assertThat(perSong.get("songs").get(1).get("released_in_range").asBoolean())
                .isFalse();
        assertThat(perSong.get("songs").get(2).get("song").asString()).isEqualTo("No date");
        assertThat(perSong.get("songs").get(2).get("share_of_streams").decimalValue())
                .isZero();
        assertThat(perSong.get("songs").get(2).has("release_date")).isFalse();
        JsonNode b = ok(http.get("/api/v1/artists/rep-b/report" + range), 200);
        assertThat(b.get("totals").get("spend").decimalValue()).isEqualByComparingTo("150.00");

        HttpResponse<String> csv = http.get("/api/v1/artists/rep-a/report.csv" + range);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(12);
        assertThat(lines[0]).startsWith("date,spend,meta_conversions,streams");
        assertThat(lines[11]).startsWith("total,100.00,20," + streams);
        JsonNode attribution = ok(http.get("/api/v1/artists/rep-a/attribution" + range + "&metric=streams"), 200);
        assertThat(attribution.get("metric").asString()).isEqualTo("streams");
        assertThat(attribution.get("method").asString()).contains("INCREMENTAL");
        // ten days with constant spend: the model refuses to guess and says why
        assertThat(attribution.get("warnings").toString()).contains("never varied");
        assertThat(attribution.get("diagnostics").get("observed_days").asInt()).isEqualTo(10);
        assertProblem(http.get("/api/v1/artists/rep-a/attribution?metric=likes"), 400, "Invalid request");
        assertProblem(
                http.get("/api/v1/artists/rep-a/report?from=" + START.plusDays(9) + "&to=" + START),
                400,
                "Invalid request");
    }

    /**
     * A simulated artist (known effect and decay) stored through the API: the attribution's interval holds the true
     * incremental streams per unit of spend, and the optimizer's hook turns it into streams per Meta conversion.
     */
    @Test
    void attributionRecoversASimulatedArtistsEffectThroughTheServer() {
        ArtistSimulator.Simulated sim = ArtistSimulator.simulate(424_242, 150, false);
        ok(
                send(
                        "PUT",
                        "/api/v1/artists/rep-sim",
                        "application/json",
                        "{\"name\": \"Sim\", \"ad_accounts\": [\"act_881002\"]}"),
                200);
        LocalDate first = LocalDate.of(2026, 3, 1);
        StringBuilder ads = new StringBuilder("Campaign ID,Ad set ID,Day,Amount spent (EUR),Results\n");
        StringBuilder timeline = new StringBuilder("date,streams\n");
        double spendTotal = 0;
        for (int d = 0; d < 150; d++) {
            LocalDate day = first.plusDays(d);
            double spend = Math.round(sim.input().spend()[d] * 100) / 100.0;
            spendTotal += spend;
            ads.append("300,881002001,")
                    .append(day)
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", spend))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", spend / 10))
                    .append('\n');
            timeline.append(day)
                    .append(',')
                    .append(Math.round(sim.input().metric()[d]))
                    .append('\n');
        }
        ok(send("POST", "/api/v1/accounts/act_881002/insights.csv", "text/csv", ads.toString()), 200);
        ok(send("POST", "/api/v1/artists/rep-sim/spotify/timeline.csv", "text/csv", timeline.toString()), 200);
        int release = sim.input().events()[0];
        ok(
                send(
                        "POST",
                        "/api/v1/artists/rep-sim/events",
                        "application/json",
                        "{\"date\": \"" + first.plusDays(release) + "\", \"type\": \"release\", \"name\": \"S\"}"),
                201);
        LocalDate from = first.plusDays(AttributionService.WARM_UP);
        LocalDate to = first.plusDays(149);
        JsonNode answer =
                ok(http.get("/api/v1/artists/rep-sim/attribution?metric=streams&from=" + from + "&to=" + to), 200);
        JsonNode interval = answer.get("incremental_per_unit_spend").get("interval");
        assertThat(interval.get(0).asDouble()).isLessThanOrEqualTo(sim.trueBeta());
        assertThat(interval.get(1).asDouble()).isGreaterThanOrEqualTo(sim.trueBeta());
        assertThat(interval.get(0).asDouble()).isPositive();
        assertThat(answer.get("cost_per_incremental").get("mean").asDouble()).isPositive();

        IncrementalPerConversion perConversion = attribution.incrementalStreamsPerConversion("rep-sim", from, to);
        assertThat(perConversion).isNotNull();
        // conversions are spend / 10, so one conversion carries 10 units of spend: about 10 β streams
        assertThat(perConversion.mean() / (10 * sim.trueBeta())).isBetween(0.7, 1.3);
        assertThat(perConversion.standardDeviation()).isPositive();
        assertThat(attribution.incrementalStreamsPerConversion("rep-solo", from, to))
                .isNull();
    }

    /** Stores a simulated artist on its own campaign of {@code account}: ad-set insights and the Spotify timeline. */
    private void storeSimulatedArtist(
            String artistId, String account, String campaign, String adSet, ArtistSimulator.Simulated sim, int days) {
        ok(
                send(
                        "PUT",
                        "/api/v1/artists/" + artistId,
                        "application/json",
                        "{\"name\": \"" + artistId + "\", \"ad_accounts\": [\"" + account + "\"], \"campaign_ids\": [\""
                                + campaign + "\"]}"),
                200);
        LocalDate first = LocalDate.of(2026, 3, 1);
        StringBuilder ads = new StringBuilder("Campaign ID,Ad set ID,Day,Amount spent (EUR),Results\n");
        StringBuilder timeline = new StringBuilder("date,streams\n");
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            double spend = Math.round(sim.input().spend()[d] * 100) / 100.0;
            ads.append(campaign + "," + adSet + ",")
                    .append(day)
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", spend))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", spend / 10))
                    .append('\n');
            timeline.append(day)
                    .append(',')
                    .append(Math.round(sim.input().metric()[d]))
                    .append('\n');
        }
        ok(send("POST", "/api/v1/accounts/" + account + "/insights.csv", "text/csv", ads.toString()), 200);
        ok(send("POST", "/api/v1/artists/" + artistId + "/spotify/timeline.csv", "text/csv", timeline.toString()), 200);
    }

    /**
     * Two artists on one account whose ad sets convert alike (one conversion per 10 of spend) but whose ads move
     * streams differently: the streams objective values each conversion at its artist's incremental streams and
     * funds the artist whose ads work; an account without artists is a 400 naming {@code objective}.
     */
    @Test
    void theStreamsObjectiveMovesBudgetTowardTheArtistWhoseAdsMoveStreams() {
        storeSimulatedArtist(
                "rep-works", "act_881003", "301", "881003001", ArtistSimulator.simulate(5_151, 120, false), 120);
        storeSimulatedArtist(
                "rep-idle", "act_881003", "302", "881003002", ArtistSimulator.simulate(6_262, 120, true), 120);
        String body = "{\"objective\": \"streams\", \"budget\": {\"total\": 100}, \"lookback_days\": 28}";
        JsonNode answer = ok(send("POST", "/api/v1/accounts/act_881003/optimize", "application/json", body), 200);

        JsonNode artists = answer.get("streams").get("artists");
        assertThat(artists).hasSize(2);
        double works = Double.NaN;
        double idle = Double.NaN;
        for (JsonNode a : artists) {
            JsonNode value = a.get("incremental_streams_per_conversion");
            double mean = value.isNull() ? 0 : value.get("mean").asDouble();
            if (a.get("artist_id").asString().equals("rep-works")) {
                works = mean;
                assertThat(a.get("adset_ids").toString()).contains("881003001");
            } else {
                idle = mean;
            }
        }
        assertThat(works).isGreaterThan(idle).isPositive();
        double worksBudget = Double.NaN;
        double idleBudget = Double.NaN;
        for (JsonNode adSet : answer.get("adsets")) {
            double budget = adSet.get("recommended_budget").asDouble();
            if (adSet.get("id").asString().equals("881003001")) {
                worksBudget = budget;
            } else if (adSet.get("id").asString().equals("881003002")) {
                idleBudget = budget;
            }
        }
        assertThat(worksBudget).as(answer.toString()).isGreaterThan(idleBudget);
        assertThat(answer.get("streams").get("note").asString()).contains("INCREMENTAL");

        JsonNode conversions = ok(
                send(
                        "POST",
                        "/api/v1/accounts/act_881003/optimize",
                        "application/json",
                        body.replace("streams", "conversions")),
                200);
        assertThat(conversions.get("streams")).isNull();

        ok(
                send(
                        "POST",
                        "/api/v1/accounts/act_881004/insights.csv",
                        "text/csv",
                        "Campaign ID,Ad set ID,Day,Amount spent (EUR),Results\n9,881004001,2026-03-01,10.00,1\n"),
                200);
        HttpResponse<String> none = send("POST", "/api/v1/accounts/act_881004/optimize", "application/json", body);
        assertProblem(none, 400, "Invalid request");
        assertThat(none.body()).contains("\"objective\"").contains("none is linked");
    }
}
