package io.metasystem.mlcore.meta;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.webhooks.OutboundWebhooks;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pulls an account's ad sets and daily ad-set insights from the Graph API into the store, as a job.
 * Ad sets: {@code id, name, status, daily_budget} (minor units, converted to currency per day), campaign.
 * Insights: {@code level=adset&time_increment=1}, fields spend, impressions, clicks, actions, action_values; each row
 * is enriched with its ad set's status and budget and handed to the store's insights importer, which is idempotent
 * by (account, ad set, day): syncing the same range twice changes nothing.
 */
@Service
public class SyncService {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longest range one sync may ask for (Meta keeps 37 months of insights). */
    static final int MAX_DAYS = 1125;

    private final GraphApiClient graph;
    private final InsightSink sink;
    private final MetaJobs jobs;
    private final OutboundWebhooks webhooks;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meta-sync");
        t.setDaemon(true);
        return t;
    });

    SyncService(GraphApiClient graph, InsightSink sink, MetaJobs jobs, OutboundWebhooks webhooks) {
        this.graph = graph;
        this.sink = sink;
        this.jobs = jobs;
        this.webhooks = webhooks;
    }

    /**
     * Starts a sync in the background and returns its job.
     *
     * @throws MetaNotConfiguredException without META_ACCESS_TOKEN
     * @throws IllegalArgumentException   when until is before since or the range is too long
     */
    public MetaJob start(String accountId, LocalDate since, LocalDate until) {
        check(since, until);
        if (!graph.configured()) {
            throw new MetaNotConfiguredException("META_ACCESS_TOKEN is not set; sync needs the Graph API.");
        }
        String account = MetaProperties.bareAccount(accountId);
        MetaJob job = jobs.start("sync", account);
        executor.submit(() -> run(job.id(), account, since, until));
        return job;
    }

    static void check(LocalDate since, LocalDate until) {
        if (until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
        if (since.plusDays(MAX_DAYS).isBefore(until)) {
            throw new IllegalArgumentException("range " + since + " to " + until + " is longer than " + MAX_DAYS + " days");
        }
    }

    /** Runs a sync in the calling thread; the job records progress and the result. */
    Map<String, Object> run(String jobId, String account, LocalDate since, LocalDate until) {
        try {
            jobs.progress(jobId, "reading account");
            GraphAccount info = graph.account(account);
            String currency = info.currency();
            jobs.progress(jobId, "reading ad sets");
            Map<String, GraphAdSet> adSets = new LinkedHashMap<>();
            graph.adSets(account).forEach(a -> adSets.put(a.id(), a));
            jobs.progress(jobId, adSets.size() + " ad sets; reading insights");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            AtomicInteger rows = new AtomicInteger();
            AtomicInteger pages = new AtomicInteger();
            try (JsonGenerator out = JSON.createGenerator(buffer)) {
                out.writeStartObject();
                out.writeArrayPropertyStart("data");
                graph.insights(account, since.toString(), until.toString(), (List<JsonNode> page) -> {
                    for (JsonNode row : page) {
                        ObjectNode r = ((ObjectNode) row).deepCopy();
                        GraphAdSet adSet = adSets.get(r.path("adset_id").asString());
                        if (adSet != null) {
                            if (adSet.status() != null) {
                                r.put("adset_status", adSet.status());
                            }
                            if (adSet.dailyBudgetMinor() != null) {
                                r.put("adset_daily_budget", Currencies.toMajor(adSet.dailyBudgetMinor(), currency).toPlainString());
                            }
                        }
                        if (!r.has("account_currency") && currency != null) {
                            r.put("account_currency", currency);
                        }
                        JSON.writeValue(out, r);
                        rows.incrementAndGet();
                    }
                    jobs.progress(jobId, adSets.size() + " ad sets; " + pages.incrementAndGet() + " insight pages, "
                            + rows.get() + " rows");
                });
                out.writeEndArray();
                out.writeEndObject();
            }
            jobs.progress(jobId, adSets.size() + " ad sets; " + rows.get() + " insight rows read; importing");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("account_id", account);
            result.put("since", since.toString());
            result.put("until", until.toString());
            result.put("currency", currency);
            result.put("ad_sets", adSets.size());
            result.put("insight_rows", rows.get());
            result.put("insight_pages", pages.get());
            result.put("import", rows.get() == 0 ? Map.of() : sink.importInsights(account, currency, buffer.toByteArray()));
            jobs.progress(jobId, "done: " + adSets.size() + " ad sets, " + rows.get() + " insight rows");
            jobs.finish(jobId, "succeeded", JSON.writeValueAsString(result), null);
            log.info("Sync {} of account {} {}..{}: {} ad sets, {} insight rows", jobId, account, since, until,
                    adSets.size(), rows.get());
            return result;
        } catch (RuntimeException e) {
            log.warn("Sync {} of account {} failed: {}", jobId, account, e.getMessage());
            jobs.finish(jobId, "failed", null, e.getMessage());
            if (e instanceof MetaTokenException) {
                webhooks.publish("alert", Map.of("kind", "meta_token_invalid", "account_id", account,
                        "message", "Meta rejected the access token during sync; renew META_ACCESS_TOKEN."));
            }
            return null;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
