package io.metasystem.mlcore.api;

import io.metasystem.mlcore.scheduling.JobLeases;
import io.metasystem.mlcore.store.SqlDialect;
import io.metasystem.mlcore.testing.WebApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Train → registry → predict → optimize with priors → performance, and job leases, through the real HTTP server; run
 * on H2 ({@link MlApiTest}, in the {@link WebApiTest} profile's shared context) and on PostgreSQL
 * ({@link PostgresMlApiTest}). XGBoost rounds are capped low (the profile's 300) to stay fast.
 */
abstract class MlApiContract extends WebApiTest {
    static final String KEY = HttpClientSupport.KEY;
    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", KEY)
                .header("Content-Type", "application/json");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode awaitJob(String id) throws Exception {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await("ML job " + id)
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    job.set(JSON.readTree(
                            send("GET", "/api/v1/ml/jobs/" + id, null).body()));
                    String status = job.get().get("status").asString();
                    return status.equals("succeeded") || status.equals("failed");
                });
        return job.get();
    }

    @Test
    void trainRegisterPredictRetryAndErrors() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/ml/train", "{\"csv\":\"kag_conversion_data.csv\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitJob(JSON.readTree(started.body()).get("id").asString());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("steps_done").asInt())
                .isEqualTo(job.get("steps_total").asInt())
                .isPositive();
        long version = job.get("model_version").asLong();

        JsonNode models =
                JSON.readTree(send("GET", "/api/v1/ml/models?scope=kag", null).body());
        assertThat(models).hasSize(1);
        assertThat(models.get(0).get("status").asString()).isEqualTo("champion");
        JsonNode detail =
                JSON.readTree(send("GET", "/api/v1/ml/models/" + version, null).body());
        assertThat(detail.get("provenance").get("artifact_sha256").asString())
                .isEqualTo(detail.get("model").get("artifact_sha256").asString());

        HttpResponse<String> predicted = send(
                "POST",
                "/api/v1/ml/predict",
                "{\"scope\":\"kag\",\"attributes\":"
                        + "{\"campaign\":\"1178\",\"age\":\"30-34\",\"gender\":\"M\",\"interest\":\"16\"}}");
        assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(predicted.body());
        assertThat(p.get("model_version").asLong()).isEqualTo(version);
        assertThat(p.get("prior").get("cpa").asDouble()).isPositive();
        assertThat(p.get("prior").get("weight").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(p.get("prior").get("source").asString()).startsWith("ml:xgb-kag");

        // a retry trains the same deterministic model and does not add a version
        JsonNode retry =
                awaitJob(JSON.readTree(send("POST", "/api/v1/ml/train", "{\"csv\":\"kag_conversion_data.csv\"}")
                                .body())
                        .get("id")
                        .asString());
        assertThat(retry.get("model_version").asLong()).isEqualTo(version);
        assertThat(JSON.readTree(
                        send("GET", "/api/v1/ml/models?scope=kag", null).body()))
                .hasSize(1);

        // optimize with model priors: the new ad set gets the champion's prior, the answer names the model
        String optimize = "{\"currency\":\"EUR\",\"budget\":{\"total\":100},\"seed\":1,\"use_model_priors\":true,"
                + "\"model_scope\":\"kag\",\"adsets\":[{\"id\":\"old\",\"current_budget\":50,\"metrics\":"
                + "{\"spend\":300,\"clicks\":100,\"conversions\":10}},{\"id\":\"new\",\"current_budget\":50,"
                + "\"attributes\":{\"campaign\":\"1178\",\"age\":\"30-34\",\"gender\":\"M\",\"interest\":\"16\","
                + "\"log_spend\":\"3.9\"}}]}";
        HttpResponse<String> optimized = send("POST", "/api/v1/meta_ads/optimize", optimize);
        assertThat(optimized.statusCode()).as(optimized.body()).isEqualTo(200);
        JsonNode o = JSON.readTree(optimized.body());
        assertThat(o.get("model_version").asLong()).isEqualTo(version);
        assertThat(o.get("model_id").asString()).startsWith("xgb-kag");
        JsonNode stored = JSON.readTree(send(
                        "GET",
                        "/api/v1/recommendations/" + o.get("recommendation_id").asString(),
                        null)
                .body());
        assertThat(stored.get("model_version").asString())
                .isEqualTo("v" + version + ":" + o.get("model_id").asString());
        HttpResponse<String> withoutPriors = send(
                "POST",
                "/api/v1/meta_ads/optimize",
                optimize.replace("\"use_model_priors\":true", "\"use_model_priors\":false"));
        assertThat(withoutPriors.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withoutPriors.body()).has("model_version")).isFalse();
        assertThat(o.get("adsets").get(1).toString())
                .isNotEqualTo(
                        JSON.readTree(withoutPriors.body()).get("adsets").get(1).toString());
        HttpResponse<String> noScope =
                send("POST", "/api/v1/meta_ads/optimize", optimize.replace("\"model_scope\":\"kag\",", ""));
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.body()).contains("model_scope");
        assertThat(send(
                                "POST",
                                "/api/v1/meta_ads/optimize",
                                optimize.replace("\"model_scope\":\"kag\"", "\"model_scope\":\"nothing\""))
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/meta_ads/optimize", optimize.replace("\"3.9\"", "\"abc\""))
                        .statusCode())
                .isEqualTo(400);

        assertThat(send("POST", "/api/v1/ml/models/" + version + "/promote", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/ml/models/999", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/ml/jobs/nope", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/ml/predict", "{\"scope\":\"none\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> bad = send("POST", "/api/v1/ml/train", "{\"csv\":\"../etc/passwd\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("csv");
        assertThat(send("POST", "/api/v1/ml/train", "{\"csv\":\"kag_conversion_data.csv\",\"target\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final String CSV_HEADER = "Campaign name,Ad set name,Ad set ID,Day,Amount spent (EUR),Impressions,"
            + "Link clicks,Results,Purchases conversion value\n";
    /** Attributes of ad sets as1..as5; as6 has none (so it gets no model prior). */
    static final List<Map<String, String>> ATTRIBUTES = List.of(
            Map.of("objective", "conversions", "age", "18-24", "gender", "female", "placement", "reels"),
            Map.of("objective", "conversions", "age", "25-34", "gender", "male", "placement", "feed"),
            Map.of("objective", "conversions", "age", "18-24", "gender", "male", "placement", "feed"),
            Map.of("objective", "conversions", "age", "25-34", "gender", "female", "placement", "reels"),
            Map.of("objective", "conversions", "age", "35-44", "gender", "female", "placement", "feed"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobLeases leases;

    @Autowired
    SqlDialect dialect;

    /** One synthetic ad-set day; the rate depends on age, placement and campaign. */
    record Day(String adset, String campaign, LocalDate date, double spend, long clicks, long conversions) {
        String csv() {
            return campaign + "," + adset + " name," + adset + "," + date + ","
                    + String.format(Locale.ROOT, "%.2f", spend) + "," + clicks * 20 + "," + clicks + "," + conversions
                    + ",0\n";
        }
    }

    static List<Day> days(LocalDate from, int count, long seed) {
        Random random = new Random(seed);
        List<Day> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            for (int i = 1; i <= 6; i++) {
                String campaign = i <= 3 ? "camp_a" : "camp_b";
                Map<String, String> a = i <= 5 ? ATTRIBUTES.get(i - 1) : Map.of();
                double rate = 0.04
                        * ("18-24".equals(a.get("age")) ? 2 : 1)
                        * ("reels".equals(a.get("placement")) ? 1.5 : 1)
                        * (campaign.equals("camp_b") ? 1.3 : 1);
                double spend = 20 + 7 * i + 2 * ((d + i) % 5) + 0.25 * i;
                out.add(new Day(
                        "as" + i,
                        campaign,
                        from.plusDays(d),
                        spend,
                        Math.round(spend * 0.8),
                        poisson(rate * spend, random)));
            }
        }
        return out;
    }

    static long poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        long k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    HttpResponse<String> importCsv(String account, List<Day> days) throws Exception {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        days.forEach(d -> csv.append(d.csv()));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/accounts/" + account + "/insights.csv"))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storeTrainingPriorsByDefaultPredictionLogAndPerformance() throws Exception {
        String account = "act_" + UUID.randomUUID().toString().substring(0, 8);
        List<Day> history = days(START, 28, 11);
        assertThat(importCsv(account, history).statusCode()).isEqualTo(200);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> put = send(
                    "PUT",
                    "/api/v1/accounts/" + account + "/adsets/as" + i + "/attributes",
                    JSON.writeValueAsString(ATTRIBUTES.get(i - 1)));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        HttpResponse<String> badKey = send(
                "PUT",
                "/api/v1/accounts/" + account + "/adsets/as1/attributes",
                "{\"age\":\"18-24\",\"Bad-Key\":\"x\"}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badKey.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("Bad-Key");
        HttpResponse<String> noAdSet = send("PUT", "/api/v1/accounts/" + account + "/adsets/nope/attributes", "{}");
        assertThat(noAdSet.statusCode()).isEqualTo(404);
        assertThat(noAdSet.body()).contains("adset_id");
        assertThat(send("PUT", "/api/v1/accounts/act_unknown/adsets/as1/attributes", "{}")
                        .statusCode())
                .isEqualTo(404);

        // too short a window is a 422 naming from; unknown accounts 404; csv with store 400
        HttpResponse<String> shortWindow = send(
                "POST",
                "/api/v1/ml/train",
                "{\"source\":\"store\",\"account_id\":\"" + account
                        + "\",\"from\":\"2026-01-15\",\"to\":\"2026-01-28\"}");
        assertThat(shortWindow.statusCode()).as(shortWindow.body()).isEqualTo(422);
        assertThat(JSON.readTree(shortWindow.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("from");
        assertThat(shortWindow.body()).contains("14 days");
        assertThat(send("POST", "/api/v1/ml/train", "{\"source\":\"store\",\"account_id\":\"act_unknown\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/ml/train", "{\"source\":\"store\",\"csv\":\"a.csv\"}")
                        .body())
                .contains("csv");
        assertThat(send("POST", "/api/v1/ml/train", "{\"source\":\"store\",\"from\":\"yesterday\"}")
                        .body())
                .contains("from");

        // train on the store (default window: the 90 days ending on the latest stored day)
        HttpResponse<String> started =
                send("POST", "/api/v1/ml/train", "{\"source\":\"store\",\"account_id\":\"" + account + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode submitted = JSON.readTree(started.body());
        assertThat(submitted.get("source").asString()).isEqualTo("store");
        assertThat(submitted.get("scope").asString()).isEqualTo("account:" + account.substring("act_".length()));
        assertThat(submitted.get("to").asString()).isEqualTo("2026-01-28");
        assertThat(submitted.get("from").asString()).isEqualTo("2025-10-31");
        JsonNode job = awaitJob(submitted.get("id").asString());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        long version = job.get("model_version").asLong();
        JsonNode detail =
                JSON.readTree(send("GET", "/api/v1/ml/models/" + version, null).body());
        JsonNode provenance = detail.get("provenance");
        assertThat(job.get("steps_total").asInt())
                .isEqualTo(3 * provenance.get("validation").get("fold_labels").size() + 1);
        assertThat(job.get("steps_done").asInt())
                .isEqualTo(job.get("steps_total").asInt());
        assertThat(provenance.get("rows").asInt()).isEqualTo(history.size());
        assertThat(provenance.get("validation").get("protocol").asString()).startsWith("rolling origin");
        assertThat(provenance.get("features").toString())
                .contains(
                        "campaign=camp_a",
                        "objective=conversions",
                        "age=18-24",
                        "gender=female",
                        "placement=reels",
                        "recent_spend_lag7",
                        "log_spend");
        double holdout = detail.get("model").get("holdout_deviance").asDouble();

        // the account endpoint uses the account's champion by default, names it, and logs its predictions
        String optimize = "{\"budget\":{\"total\":300},\"seed\":7}";
        HttpResponse<String> optimized = send("POST", "/api/v1/accounts/" + account + "/optimize", optimize);
        assertThat(optimized.statusCode()).as(optimized.body()).isEqualTo(200);
        JsonNode o = JSON.readTree(optimized.body());
        assertThat(o.get("model_version").asLong()).isEqualTo(version);
        JsonNode stored = JSON.readTree(send(
                        "GET",
                        "/api/v1/recommendations/" + o.get("recommendation_id").asString(),
                        null)
                .body());
        assertThat(stored.get("model_version").asString())
                .isEqualTo("v" + version + ":" + o.get("model_id").asString());
        HttpResponse<String> off = send(
                "POST",
                "/api/v1/accounts/" + account + "/optimize",
                "{\"budget\":{\"total\":300},\"seed\":7,\"use_model_priors\":false}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(off.body()).has("model_version")).isFalse();
        assertThat(JSON.readTree(off.body()).get("adsets").toString())
                .isNotEqualTo(o.get("adsets").toString());

        // the stateless endpoint: the account's champion by default too; without account or scope, no model
        String stateless = "{\"currency\":\"EUR\",\"budget\":{\"total\":100},\"seed\":1,\"adsets\":[{\"id\":\"as1\","
                + "\"current_budget\":50,\"daily\":[{\"date\":\"2026-01-28\",\"spend\":30,"
                + "\"clicks\":20,\"conversions\":2}],"
                + "\"attributes\":{\"campaign\":\"camp_a\",\"age\":\"18-24\",\"placement\":\"reels\"}},"
                + "{\"id\":\"fresh\",\"current_budget\":50}]}";
        JsonNode withAccount = JSON.readTree(send("POST", "/api/v1/meta_ads/optimize?account_id=" + account, stateless)
                .body());
        assertThat(withAccount.get("model_version").asLong()).isEqualTo(version);
        JsonNode anonymous = JSON.readTree(
                send("POST", "/api/v1/meta_ads/optimize", stateless).body());
        assertThat(anonymous.has("model_version")).isFalse();
        JsonNode byScope = JSON.readTree(send(
                        "POST",
                        "/api/v1/meta_ads/optimize",
                        stateless.replace("\"seed\":1,", "\"seed\":1,\"model_scope\":\"account:" + account + "\","))
                .body());
        assertThat(byScope.get("model_version").asLong()).isEqualTo(version);

        // one prediction per ad set with attributes, for the day after the history; repeated calls add none
        Map<String, Double> rates = new HashMap<>();
        jdbc.sql("select adset_id, prediction_date, conversions_per_spend from ml_prediction where model_version = :v")
                .param("v", version)
                .query((rs, n) -> {
                    assertThat(rs.getObject("prediction_date", LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 29));
                    return rates.put(rs.getString("adset_id"), rs.getDouble("conversions_per_spend"));
                })
                .list();
        assertThat(rates.keySet()).containsExactlyInAnyOrder("as1", "as2", "as3", "as4", "as5");

        String performance = "/api/v1/ml/models/" + version + "/performance";
        JsonNode before = JSON.readTree(send("GET", performance, null).body());
        assertThat(before.get("buckets")).hasSize(1);
        assertThat(before.get("buckets").get(0).get("predictions").asInt()).isEqualTo(5);
        assertThat(before.get("buckets").get(0).get("evaluated").asInt()).isZero();
        assertThat(before.get("buckets").get(0).has("mean_poisson_deviance")).isFalse();
        assertThat(before.get("note").asString()).contains("no insights yet");
        assertThat(before.get("validation_deviance").asDouble()).isEqualTo(holdout);
        assertThat(before.get("training").get("poisson_deviance").asDouble()).isEqualTo(holdout);
        // the margin offset makes a 300-round store model nearly unbiased held out (1.17 without it)
        assertThat(before.get("training").get("predicted_over_observed").asDouble())
                .isBetween(0.85, 1.15);

        // later insights arrive: 8 days, of which the 7-day horizon scores 7
        List<Day> later = days(LocalDate.of(2026, 1, 29), 8, 12);
        assertThat(importCsv(account, later).statusCode()).isEqualTo(200);
        List<Double> observed = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        double spend = 0;
        double cpaSum = 0;
        int cpaUnits = 0;
        for (Day d : later) {
            if (!rates.containsKey(d.adset()) || d.date().isAfter(LocalDate.of(2026, 2, 4))) {
                continue;
            }
            double mu = rates.get(d.adset()) * d.spend();
            observed.add((double) d.conversions());
            predicted.add(mu);
            spend += d.spend();
            if (d.conversions() >= 3) {
                cpaSum += Math.abs(d.spend() / mu - d.spend() / d.conversions());
                cpaUnits++;
            }
        }
        double deviance = 0;
        for (int k = 0; k < observed.size(); k++) {
            double c = observed.get(k);
            double mu = predicted.get(k);
            deviance += 2 * ((c > 0 ? c * Math.log(c / mu) : 0) - (c - mu));
        }
        deviance /= observed.size();
        double sumObserved = observed.stream().mapToDouble(Double::doubleValue).sum();
        double sumPredicted =
                predicted.stream().mapToDouble(Double::doubleValue).sum();

        for (String bucket : List.of("day", "week")) {
            JsonNode after = JSON.readTree(
                    send("GET", performance + "?bucket=" + bucket, null).body());
            assertThat(after.get("buckets")).as(after.toString()).hasSize(1);
            JsonNode b = after.get("buckets").get(0);
            assertThat(b.get("start").asString()).isEqualTo(bucket.equals("day") ? "2026-01-29" : "2026-01-26");
            assertThat(b.get("predictions").asInt()).isEqualTo(5);
            assertThat(b.get("evaluated").asInt()).isEqualTo(5);
            assertThat(b.get("days").asInt()).isEqualTo(observed.size()).isEqualTo(35);
            assertThat(b.get("spend").asDouble()).isCloseTo(spend, within(1e-6));
            assertThat(b.get("observed_conversions").asDouble()).isEqualTo(sumObserved);
            assertThat(b.get("predicted_conversions").asDouble()).isCloseTo(sumPredicted, within(1e-9));
            assertThat(b.get("ratio").asDouble()).isCloseTo(sumPredicted / sumObserved, within(1e-9));
            assertThat(b.get("mean_poisson_deviance").asDouble()).isCloseTo(deviance, within(1e-9));
            assertThat(b.get("cpa_units").asInt()).isEqualTo(cpaUnits).isPositive();
            assertThat(b.get("cpa_mae").asDouble()).isCloseTo(cpaSum / cpaUnits, within(1e-9));
            assertThat(after.has("note")).isFalse();
        }
        JsonNode outside = JSON.readTree(send("GET", performance + "?from=2026-02-01&to=2026-02-28", null)
                .body());
        assertThat(outside.get("buckets")).isEmpty();
        assertThat(outside.get("note").asString()).contains("no predictions");
        HttpResponse<String> badBucket = send("GET", performance + "?bucket=month", null);
        assertThat(badBucket.statusCode()).isEqualTo(400);
        assertThat(badBucket.body()).contains("bucket");
        assertThat(send("GET", "/api/v1/ml/models/99999/performance", null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/ml/models/x/performance", null).statusCode())
                .isEqualTo(400);

        // every key of the main GET answers is snake_case, the stored provenance (Java names) included
        String recommendation = o.get("recommendation_id").asString();
        for (String path : List.of(
                "/health",
                "/api/v1/accounts",
                "/api/v1/accounts/" + account + "/adsets",
                "/api/v1/accounts/" + account + "/insights",
                "/api/v1/recommendations?account_id=" + account,
                "/api/v1/recommendations/" + recommendation,
                "/api/v1/recommendations/" + recommendation + "/outcome",
                "/api/v1/webhooks/outbox",
                "/api/v1/audit",
                "/api/v1/ml/models",
                "/api/v1/ml/models/" + version,
                "/api/v1/ml/jobs/" + submitted.get("id").asString(),
                performance)) {
            HttpResponse<String> answer = send("GET", path, null);
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
            SnakeCaseKeys.assertSnakeCase(path, JSON.readTree(answer.body()));
        }
    }

    @Test
    void aJobWhoseReplicaDiedIsFailedByTheLeaseSweep() throws Exception {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // a job another replica runs: a fresh heartbeat, so the (also scheduled) sweep leaves it alone
        jdbc.sql("insert into ml_job (id, scope, request, status, steps_done, steps_total, progress, created_at, "
                        + "updated_at, owner, heartbeat_at) values (:id, 'kag', " + dialect.json(":r")
                        + ", 'running', 4, 16, 'xgboost_poisson fold 2/5', :t, :t, 'a-replica-that-died', :t)")
                .param("id", id)
                .param("r", "{\"csv\":\"kag_conversion_data.csv\",\"target\":\"APPROVED\"}")
                .param("t", now)
                .update();
        leases.sweep();
        assertThat(JSON.readTree(send("GET", "/api/v1/ml/jobs/" + id, null).body())
                        .get("status")
                        .asString())
                .isEqualTo("running");
        // the replica dies: its heartbeat stops and ages past the lease (2 minutes by default)
        jdbc.sql("update ml_job set heartbeat_at = :t where id = :id")
                .param("t", now.minusHours(1))
                .param("id", id)
                .update();
        leases.sweep();
        JsonNode job = JSON.readTree(send("GET", "/api/v1/ml/jobs/" + id, null).body());
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).startsWith("interrupted").contains("submit it again");
        assertThat(job.get("source").asString()).isEqualTo("csv");
    }
}
