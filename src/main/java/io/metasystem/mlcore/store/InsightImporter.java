package io.metasystem.mlcore.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes parsed insight rows, idempotently: the natural key is (account, ad set, day). A row equal to the stored
 * one changes nothing; a different one replaces it and the old values go to {@code insight_history}.
 * <p>
 * One import is one transaction: if any row is invalid nothing is written and {@link ImportRejectedException}
 * lists the first {@value ImportRejectedException#MAX_PROBLEMS} problems. Imports into the same account are
 * serialised by a row lock on the account, so overlapping concurrent files end in the state of the later one.
 * Rows are consumed one at a time, so memory does not grow with the file.
 */
@Service
public class InsightImporter {
    private static final Logger log = LoggerFactory.getLogger(InsightImporter.class);
    private static final JsonMapper JSON = StoredJson.MAPPER;
    private static final long PROGRESS_EVERY = 10_000;
    /** Rows looked up and written per round trip. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SqlDialect dialect;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public InsightImporter(
            JdbcClient jdbc, JdbcTemplate batch, SqlDialect dialect, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dialect = dialect;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param accountId ad account id (created when new)
     * @param source    {@code csv} or {@code json}, recorded with each row
     * @param lines     parsed rows, consumed once
     * @throws ImportRejectedException when any row is invalid (nothing is written)
     */
    @Transactional
    public ImportReport importRows(String accountId, String source, Iterator<ParsedLine> lines) {
        return importRows(accountId, source, lines, true);
    }

    /**
     * One part of a larger import (a page of a Meta sync), with the guarantees of {@link #importRows} for its rows but
     * without publishing {@link InsightsImported}: the caller publishes one event when the last part is in.
     *
     * @throws ImportRejectedException when any row of the part is invalid (nothing of the part is written)
     */
    @Transactional
    public ImportReport importPart(String accountId, String source, Iterator<ParsedLine> lines) {
        return importRows(accountId, source, lines, false);
    }

    private ImportReport importRows(String accountId, String source, Iterator<ParsedLine> lines, boolean publish) {
        accountId = AccountIds.canonical(accountId);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        lockAccount(accountId, now);
        List<ImportProblem> problems = new ArrayList<>();
        long problemCount = 0;
        long read = 0;
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        Set<String> campaigns = new HashSet<>();
        Map<String, InsightRow> latest = new HashMap<>();
        LocalDate first = null;
        LocalDate last = null;
        String currency = null;
        List<InsightRow> chunk = new ArrayList<>(CHUNK);
        Counts counts = new Counts();
        while (lines.hasNext()) {
            ParsedLine line = lines.next();
            if (!line.problems().isEmpty()) {
                for (ImportProblem p : line.problems()) {
                    problemCount++;
                    if (problems.size() < ImportRejectedException.MAX_PROBLEMS) {
                        problems.add(p);
                    }
                }
                read++;
                continue;
            }
            read++;
            if (read % PROGRESS_EVERY == 0) {
                log.info("Import into account {}: {} rows read", accountId, read);
            }
            if (problemCount > 0) {
                continue; // already rejected: only validate the rest
            }
            InsightRow row = line.row();
            if (row.campaignId() != null && campaigns.add(row.campaignId())) {
                upsertCampaign(accountId, row, now);
            }
            InsightRow previous = latest.get(row.adSetId());
            if (previous == null) {
                upsertAdSet(accountId, row, now);
            }
            if (previous == null || !row.date().isBefore(previous.date())) {
                latest.put(row.adSetId(), row);
            }
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                counts.add(writeChunk(accountId, source, chunk, now));
                chunk.clear();
            }
            first = first == null || row.date().isBefore(first) ? row.date() : first;
            last = last == null || row.date().isAfter(last) ? row.date() : last;
            currency = currency == null ? row.currency() : currency;
        }
        if (problemCount > 0) {
            throw new ImportRejectedException(problems, problemCount);
        }
        counts.add(writeChunk(accountId, source, chunk, now));
        inserted = counts.inserted;
        updated = counts.updated;
        unchanged = counts.unchanged;
        for (InsightRow row : latest.values()) {
            // status and budget as of the latest day in the file
            upsertAdSet(accountId, row, now);
        }
        if (currency != null) {
            jdbc.sql("update ad_account set currency = :currency where id = :id and currency is null")
                    .param("currency", currency)
                    .param("id", accountId)
                    .update();
        }
        ImportReport report = new ImportReport(
                accountId, source, read, inserted, updated, unchanged, latest.size(), first, last, currency);
        if (publish && inserted + updated > 0) {
            events.publishEvent(new InsightsImported(accountId, source, first, last, inserted + updated));
        }
        log.info(
                "Imported {} file into account {}: {} rows read, {} inserted, {} updated, {} unchanged",
                source,
                accountId,
                read,
                inserted,
                updated,
                unchanged);
        return report;
    }

    private void lockAccount(String accountId, OffsetDateTime now) {
        AdSetRows.lockAccount(jdbc, accountId, now);
        jdbc.sql("update ad_account set updated_at = :now where id = :id")
                .param("now", now)
                .param("id", accountId)
                .update();
    }

    private void upsertCampaign(String accountId, InsightRow row, OffsetDateTime now) {
        int changed = jdbc.sql("update campaign set name = coalesce(:name, name), updated_at = :now "
                        + "where account_id = :account and id = :id")
                .param("name", row.campaignName())
                .param("now", now)
                .param("account", accountId)
                .param("id", row.campaignId())
                .update();
        if (changed == 0) {
            jdbc.sql("insert into campaign (account_id, id, name, updated_at) values (:account, :id, :name, :now)")
                    .param("account", accountId)
                    .param("id", row.campaignId())
                    .param("name", row.campaignName())
                    .param("now", now)
                    .update();
        }
    }

    private void upsertAdSet(String accountId, InsightRow row, OffsetDateTime now) {
        AdSetDescriptor adSet = new AdSetDescriptor(
                row.adSetId(),
                row.adSetName(),
                row.campaignId(),
                null,
                row.dailyBudget(),
                row.status(),
                row.currency(),
                null);
        AdSetRows.upsert(jdbc, dialect, accountId, adSet, null, now);
    }

    private static final class Counts {
        long inserted;
        long updated;
        long unchanged;

        void add(Counts other) {
            inserted += other.inserted;
            updated += other.updated;
            unchanged += other.unchanged;
        }
    }

    private record Key(String adsetId, LocalDate date) {}

    private record Stored(
            BigDecimal spend,
            Long impressions,
            Long clicks,
            BigDecimal conversions,
            BigDecimal revenue,
            String extra,
            String source,
            OffsetDateTime importedAt) {
        static Stored of(InsightRow row, String source, OffsetDateTime now) {
            return new Stored(
                    row.spend(),
                    row.impressions(),
                    row.clicks(),
                    row.conversions(),
                    row.revenue(),
                    row.extraJson(),
                    source,
                    now);
        }

        boolean sameValues(InsightRow row) {
            return same(spend, row.spend())
                    && Objects.equals(impressions, row.impressions())
                    && Objects.equals(clicks, row.clicks())
                    && same(conversions, row.conversions())
                    && same(revenue, row.revenue())
                    && sameJson(extra, row.extraJson());
        }
    }

    /** The row's measured values in column order: spend, impressions, clicks, conversions, revenue, extra metrics. */
    private static Object[] measured(InsightRow row) {
        return new Object[] {
            row.spend(), row.impressions(), row.clicks(), row.conversions(), row.revenue(), row.extraJson()
        };
    }

    /** JDBC parameters: {@code head}, then the row's {@link #measured} values, then {@code tail}. */
    private static Object[] parameters(Object[] head, InsightRow row, Object... tail) {
        Object[] values = measured(row);
        Object[] all = new Object[head.length + values.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(values, 0, all, head.length, values.length);
        System.arraycopy(tail, 0, all, head.length + values.length, tail.length);
        return all;
    }

    /**
     * Upserts a chunk of rows in file order: one query finds the stored rows, then batched inserts, history rows
     * and updates. A key repeated inside the file behaves as if the rows had been imported one after the other.
     */
    private Counts writeChunk(String accountId, String source, List<InsightRow> rows, OffsetDateTime now) {
        Counts counts = new Counts();
        if (rows.isEmpty()) {
            return counts;
        }
        Set<String> adSetIds = new HashSet<>();
        LocalDate min = rows.get(0).date();
        LocalDate max = min;
        for (InsightRow row : rows) {
            adSetIds.add(row.adSetId());
            min = row.date().isBefore(min) ? row.date() : min;
            max = row.date().isAfter(max) ? row.date() : max;
        }
        Map<Key, Stored> state = new HashMap<>();
        jdbc.sql("select adset_id, insight_date, spend, impressions, clicks, conversions, revenue, "
                        + "cast(extra_metrics as varchar) as extra, source, imported_at from daily_insight "
                        + "where account_id = :account and adset_id in (:adsets) and "
                        + "insight_date between :min and :max")
                .param("account", accountId)
                .param("adsets", adSetIds)
                .param("min", min)
                .param("max", max)
                .query((rs, n) -> {
                    state.put(
                            new Key(rs.getString("adset_id"), rs.getObject("insight_date", LocalDate.class)),
                            new Stored(
                                    rs.getBigDecimal("spend"),
                                    rs.getObject("impressions", Long.class),
                                    rs.getObject("clicks", Long.class),
                                    rs.getBigDecimal("conversions"),
                                    rs.getBigDecimal("revenue"),
                                    rs.getString("extra"),
                                    rs.getString("source"),
                                    rs.getObject("imported_at", OffsetDateTime.class)));
                    return null;
                })
                .list();
        Map<Key, InsightRow> inserts = new LinkedHashMap<>();
        Map<Key, InsightRow> updates = new LinkedHashMap<>();
        List<Object[]> history = new ArrayList<>();
        for (InsightRow row : rows) {
            Key key = new Key(row.adSetId(), row.date());
            Stored old = state.get(key);
            if (old != null && old.sameValues(row)) {
                counts.unchanged++;
                continue;
            }
            if (old == null || inserts.containsKey(key)) {
                // new key, or a repeat of a key first seen in this chunk: still one insert
                if (old == null) {
                    counts.inserted++;
                } else {
                    counts.updated++;
                }
                inserts.put(key, row);
            } else {
                counts.updated++;
                history.add(new Object[] {
                    accountId,
                    row.adSetId(),
                    row.date(),
                    old.spend(),
                    old.impressions(),
                    old.clicks(),
                    old.conversions(),
                    old.revenue(),
                    old.extra(),
                    old.source(),
                    old.importedAt(),
                    now,
                    source
                });
                updates.put(key, row);
            }
            state.put(key, Stored.of(row, source, now));
        }
        JdbcTemplate template = batch; // JdbcClient has no batch API; same transaction and connection
        if (!inserts.isEmpty()) {
            template.batchUpdate(
                    "insert into daily_insight (account_id, adset_id, insight_date, spend, impressions, clicks, "
                            + "conversions, revenue, extra_metrics, source, imported_at) values (?, "
                            + "?, ?, ?, ?, ?, ?, ?, "
                            + dialect.json("?") + ", ?, ?)",
                    inserts.values().stream()
                            .map(row ->
                                    parameters(new Object[] {accountId, row.adSetId(), row.date()}, row, source, now))
                            .toList());
        }
        if (!history.isEmpty()) {
            template.batchUpdate(
                    "insert into insight_history (account_id, adset_id, insight_date, spend, impressions, "
                            + "clicks, conversions, revenue, extra_metrics, source, imported_at, "
                            + "replaced_at, replaced_by) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, " + dialect.json("?") + ", ?, ?, ?, ?)",
                    history);
        }
        if (!updates.isEmpty()) {
            template.batchUpdate(
                    "update daily_insight set spend = ?, impressions = ?, clicks = ?, conversions = ?, "
                            + "revenue = ?, extra_metrics = " + dialect.json("?") + ", source = ?, imported_at = ? "
                            + "where account_id = ? and adset_id = ? and insight_date = ?",
                    updates.values().stream()
                            .map(row ->
                                    parameters(new Object[0], row, source, now, accountId, row.adSetId(), row.date()))
                            .toList());
        }
        return counts;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        JsonNode x = JSON.readTree(a);
        JsonNode y = JSON.readTree(b);
        return x.equals(y);
    }
}
