package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;
import io.metasystem.mlcore.config.MetaSyncProperties;
import io.metasystem.mlcore.scheduling.JobMetrics;
import io.metasystem.mlcore.scheduling.JobRows;
import io.metasystem.mlcore.scheduling.JobStatus;
import io.metasystem.mlcore.store.AdSetAttributes;
import io.metasystem.mlcore.store.AdSetCatalog;
import io.metasystem.mlcore.store.AdSetDescriptor;
import io.metasystem.mlcore.store.ImportReport;
import io.metasystem.mlcore.store.InsightsImported;
import io.metasystem.mlcore.store.StoredJson;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pulls an account's ad sets and daily ad-set insights from the Graph API into the store, as a job.
 * Ad sets: {@code id, name, status, daily_budget} (minor units, converted to currency per day), campaign, targeting
 * and goals; every ad set read is written through {@link AdSetCatalog#upsert}, with its {@link TargetingAttributes},
 * whether or not it has insights in the range. Insights ({@link InsightReader}: synchronous or an async report run):
 * {@code level=adset&time_increment=1}, fields spend, impressions, clicks, actions, action_values; each row is
 * enriched with its ad set's status and budget and handed to the store's insights importer, which is idempotent by
 * (account, ad set, day): syncing the same range twice changes nothing, so a sync that failed or was interrupted is
 * resumed by submitting it again.
 */
@Service
public class SyncService {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final JsonMapper JSON = StoredJson.MAPPER;
    /** Longest range one sync may ask for (Meta keeps 37 months of insights). */
    static final int MAX_DAYS = 1125;

    private final JobMetrics metrics;
    private final GraphApiClient graph;
    private final InsightSink sink;
    private final MetaJobs jobs;
    private final AdSetCatalog catalog;
    private final InsightReader reader;
    private final ApplicationEventPublisher events;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meta-sync");
        t.setDaemon(true);
        return t;
    });

    SyncService(
            GraphApiClient graph,
            InsightSink sink,
            MetaJobs jobs,
            AdSetCatalog catalog,
            MetaSyncProperties properties,
            GraphApiClient.Sleeper sleeper,
            ApplicationEventPublisher events,
            JobMetrics metrics) {
        this.graph = graph;
        this.metrics = metrics;
        this.events = events;
        this.catalog = catalog;
        this.reader = new InsightReader(graph, properties, sleeper);
        this.sink = sink;
        this.jobs = jobs;
    }

    /**
     * Starts a sync in the background and returns its job.
     *
     * @throws MetaNotConfiguredException without META_ACCESS_TOKEN
     * @throws IllegalArgumentException   when until is before since or the range is too long
     */
    public MetaJob start(String accountId, LocalDate since, LocalDate until) {
        String account = admit(accountId, since, until);
        MetaJob job = jobs.start("sync", account);
        try {
            executor.submit(() -> run(job.id(), account, since, until));
        } catch (RejectedExecutionException e) {
            jobs.finish(job.id(), JobStatus.FAILED, null, "the service is shutting down; submit the sync again");
            return jobs.find(job.id()).orElseThrow();
        }
        return job;
    }

    /** Checks the range and the token before a job is recorded; returns the account id without {@code act_}. */
    private String admit(String accountId, LocalDate since, LocalDate until) {
        check(since, until);
        if (!graph.configured()) {
            throw new MetaNotConfiguredException("META_ACCESS_TOKEN is not set; sync needs the Graph API.");
        }
        return MetaProperties.bareAccount(accountId);
    }

    static void check(LocalDate since, LocalDate until) {
        if (until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
        if (since.plusDays(MAX_DAYS).isBefore(until)) {
            throw new IllegalArgumentException(
                    "range " + since + " to " + until + " is longer than " + MAX_DAYS + " days");
        }
    }

    /**
     * Runs a sync in the calling thread (the scheduled sync) and returns its finished job.
     *
     * @throws MetaNotConfiguredException without META_ACCESS_TOKEN
     */
    public MetaJob runNow(String accountId, LocalDate since, LocalDate until) {
        String account = admit(accountId, since, until);
        MetaJob job = jobs.start("sync", account);
        run(job.id(), account, since, until);
        return jobs.find(job.id()).orElseThrow();
    }

    /**
     * Runs a sync in the calling thread; the job records progress and the result. The job is finished (and its lease
     * released) in every outcome, an {@link Error} included, so it never stays {@code running} on a live replica.
     */
    Map<String, Object> run(String jobId, String account, LocalDate since, LocalDate until) {
        boolean finished = false;
        try {
            Map<String, Object> result = metrics.time(JobMetrics.Job.SYNC, () -> sync(jobId, account, since, until));
            events.publishEvent(new MetaSyncFinished(account, true, false, null));
            jobs.finish(jobId, JobStatus.SUCCEEDED, JSON.writeValueAsString(result), null);
            finished = true;
            log.info(
                    "Sync {} of account {} {}..{}: {} ad sets, {} insight rows ({})",
                    jobId,
                    account,
                    since,
                    until,
                    result.get("ad_sets"),
                    result.get("insight_rows"),
                    result.get("insights_read"));
            return result;
        } catch (RuntimeException e) {
            log.warn("Sync {} of account {} failed: {}", jobId, account, e.getMessage());
            // the alert is recorded before the job shows failed, so whoever sees the failure also finds the alert
            if (e instanceof MetaTokenException) {
                events.publishEvent(new MetaSyncFinished(
                        account, false, true, "Meta rejected the access token during sync; renew META_ACCESS_TOKEN."));
            } else {
                events.publishEvent(new MetaSyncFinished(account, false, false, e.getMessage()));
            }
            jobs.finish(jobId, JobStatus.FAILED, null, e.getMessage());
            finished = true;
            return null;
        } finally {
            if (!finished) {
                jobs.finish(jobId, JobStatus.FAILED, null, JobRows.SYNC_STOPPED_UNEXPECTEDLY);
            }
        }
    }

    private Map<String, Object> sync(String jobId, String account, LocalDate since, LocalDate until) {
        jobs.progress(jobId, "reading account");
        GraphAccount info = graph.account(account);
        String currency = info.currency();
        jobs.progress(jobId, "reading ad sets");
        Map<String, GraphAdSet> adSets = new LinkedHashMap<>();
        graph.adSets(account).forEach(a -> adSets.put(a.id(), a));
        int created = catalog.upsert(
                account,
                adSets.values().stream().map(a -> descriptor(a, currency)).toList());
        jobs.progress(jobId, adSets.size() + " ad sets; reading insights");
        ImportTally tally = new ImportTally();
        AtomicInteger pages = new AtomicInteger();
        String readAs = reader.read(account, since, until, new InsightReader.Rows() {
            @Override
            public void page(List<JsonNode> page) {
                // enriched, written and forgotten page by page: memory is bounded by one page, not by the account
                List<ObjectNode> rows = new ArrayList<>(page.size());
                Set<String> pageAdSets = new HashSet<>();
                for (JsonNode row : page) {
                    ObjectNode r = enrich((ObjectNode) row, adSets, currency);
                    rows.add(r);
                    pageAdSets.add(r.path("adset_id").asString(""));
                }
                if (!rows.isEmpty()) {
                    tally.add(sink.importPage(account, currency, json(rows)), rows.size(), pageAdSets);
                }
                jobs.progress(
                        jobId,
                        adSets.size() + " ad sets; " + pages.incrementAndGet() + " insight pages, " + tally.rows
                                + " rows imported");
            }

            @Override
            public void restart() {
                tally.restart();
                pages.set(0);
                jobs.progress(jobId, adSets.size() + " ad sets; Meta asked for less data, starting an async report");
            }

            @Override
            public void progress(int percent) {
                jobs.progress(jobId, adSets.size() + " ad sets; async insights report " + percent + " %");
            }
        });
        if (tally.inserted + tally.updated > 0) {
            events.publishEvent(
                    new InsightsImported(account, "json", tally.first, tally.last, tally.inserted + tally.updated));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("account_id", account);
        result.put("since", since.toString());
        result.put("until", until.toString());
        result.put("currency", currency);
        result.put("ad_sets", adSets.size());
        result.put("ad_sets_created", created);
        result.put("insights_read", readAs);
        result.put("insight_rows", tally.rows);
        result.put("insight_pages", pages.get());
        result.put("import", tally.rows == 0 ? Map.of() : tally.report());
        jobs.progress(jobId, "done: " + adSets.size() + " ad sets, " + tally.rows + " insight rows");
        return result;
    }

    /**
     * The import report of a sync summed over its pages (each imported in its own transaction). After a
     * {@link #restart()} (Meta asked for less data; the async report reads the whole range again) the rows the first
     * pass inserted or updated stay counted as such and are not counted again as unchanged when the second pass
     * reads them back.
     */
    static final class ImportTally {
        long rows;
        long rowsRead;
        long inserted;
        long updated;
        long unchanged;
        long carried;
        final Set<String> adSetIds = new HashSet<>();
        LocalDate first;
        LocalDate last;

        void add(ImportReport page, int pageRows, Set<String> pageAdSets) {
            rows += pageRows;
            rowsRead += page.rowsRead();
            inserted += page.inserted();
            updated += page.updated();
            unchanged += page.unchanged();
            adSetIds.addAll(pageAdSets);
            if (page.firstDate() != null && (first == null || page.firstDate().isBefore(first))) {
                first = page.firstDate();
            }
            if (page.lastDate() != null && (last == null || page.lastDate().isAfter(last))) {
                last = page.lastDate();
            }
        }

        void restart() {
            carried = inserted + updated;
            rows = 0;
            rowsRead = 0;
            unchanged = 0;
            adSetIds.clear();
            first = null;
            last = null;
        }

        /** The keys of the importer's report: rows_read, inserted, updated, unchanged, ad_sets, first/last date. */
        Map<String, Object> report() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rows_read", rowsRead);
            out.put("inserted", inserted);
            out.put("updated", updated);
            out.put("unchanged", Math.max(0, unchanged - carried));
            out.put("ad_sets", adSetIds.size());
            out.put("first_date", first == null ? null : first.toString());
            out.put("last_date", last == null ? null : last.toString());
            return out;
        }
    }

    /** The row with its ad set's status and budget (major units) and the account currency added. */
    private static ObjectNode enrich(ObjectNode row, Map<String, GraphAdSet> adSets, String currency) {
        ObjectNode r = row.deepCopy();
        GraphAdSet adSet = adSets.get(r.path("adset_id").asString());
        if (adSet != null) {
            if (adSet.status() != null) {
                r.put("adset_status", adSet.status());
            }
            if (adSet.dailyBudgetMinor() != null) {
                r.put(
                        "adset_daily_budget",
                        Currencies.toMajor(adSet.dailyBudgetMinor(), currency).toPlainString());
            }
        }
        if (!r.has("account_currency") && currency != null) {
            r.put("account_currency", currency);
        }
        return r;
    }

    static AdSetDescriptor descriptor(GraphAdSet a, String currency) {
        AdSetAttributes attributes = TargetingAttributes.of(a);
        return new AdSetDescriptor(
                a.id(),
                a.name(),
                a.campaignId(),
                a.campaignName(),
                a.dailyBudgetMinor() == null ? null : Currencies.toMajor(a.dailyBudgetMinor(), currency),
                a.status(),
                currency,
                attributes.isEmpty() ? null : attributes);
    }

    private static byte[] json(List<ObjectNode> rows) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeArrayPropertyStart("data");
            for (ObjectNode r : rows) {
                JSON.writeValue(out, r);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return buffer.toByteArray();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
