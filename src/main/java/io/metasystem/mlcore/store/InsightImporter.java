package io.metasystem.mlcore.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long PROGRESS_EVERY = 10_000;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public InsightImporter(JdbcClient jdbc, SqlDialect dialect) {
        this(jdbc, dialect, Clock.systemUTC());
    }

    InsightImporter(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * @param accountId ad account id (created when new)
     * @param source    {@code csv} or {@code json}, recorded with each row
     * @param lines     parsed rows, consumed once
     * @throws ImportRejectedException when any row is invalid (nothing is written)
     */
    @Transactional
    public ImportReport importRows(String accountId, String source, Iterator<ParsedLine> lines) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        lockAccount(accountId, now);
        List<ImportProblem> problems = new ArrayList<>();
        long problemCount = 0;
        long read = 0;
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        Set<String> campaigns = new HashSet<>();
        java.util.Map<String, InsightRow> latest = new java.util.HashMap<>();
        LocalDate first = null;
        LocalDate last = null;
        String currency = null;
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
            switch (upsertInsight(accountId, source, row, now)) {
                case INSERTED -> inserted++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            first = first == null || row.date().isBefore(first) ? row.date() : first;
            last = last == null || row.date().isAfter(last) ? row.date() : last;
            currency = currency == null ? row.currency() : currency;
        }
        if (problemCount > 0) {
            throw new ImportRejectedException(problems, problemCount);
        }
        for (InsightRow row : latest.values()) {
            // status and budget as of the latest day in the file
            upsertAdSet(accountId, row, now);
        }
        if (currency != null) {
            jdbc.sql("update ad_account set currency = :currency where id = :id and currency is null")
                    .param("currency", currency).param("id", accountId).update();
        }
        ImportReport report = new ImportReport(accountId, source, read, inserted, updated, unchanged, latest.size(),
                first, last, currency);
        log.info("Imported {} file into account {}: {} rows read, {} inserted, {} updated, {} unchanged", source,
                accountId, read, inserted, updated, unchanged);
        return report;
    }

    private void lockAccount(String accountId, OffsetDateTime now) {
        jdbc.sql("insert into ad_account (id, created_at, updated_at) values (:id, :now, :now) on conflict do nothing")
                .param("id", accountId).param("now", now).update();
        jdbc.sql("select id from ad_account where id = :id for update").param("id", accountId).query(String.class).single();
        jdbc.sql("update ad_account set updated_at = :now where id = :id").param("now", now).param("id", accountId).update();
    }

    private void upsertCampaign(String accountId, InsightRow row, OffsetDateTime now) {
        int changed = jdbc.sql("update campaign set name = coalesce(:name, name), updated_at = :now "
                        + "where account_id = :account and id = :id")
                .param("name", row.campaignName()).param("now", now).param("account", accountId)
                .param("id", row.campaignId()).update();
        if (changed == 0) {
            jdbc.sql("insert into campaign (account_id, id, name, updated_at) values (:account, :id, :name, :now)")
                    .param("account", accountId).param("id", row.campaignId()).param("name", row.campaignName())
                    .param("now", now).update();
        }
    }

    private void upsertAdSet(String accountId, InsightRow row, OffsetDateTime now) {
        int changed = jdbc.sql("update ad_set set name = coalesce(:name, name), campaign_id = coalesce(:campaign, campaign_id), "
                        + "status = coalesce(:status, status), daily_budget = coalesce(:budget, daily_budget), "
                        + "currency = coalesce(:currency, currency), updated_at = :now where account_id = :account and id = :id")
                .param("name", row.adSetName()).param("campaign", row.campaignId()).param("status", row.status())
                .param("budget", row.dailyBudget()).param("currency", row.currency()).param("now", now)
                .param("account", accountId).param("id", row.adSetId()).update();
        if (changed == 0) {
            jdbc.sql("insert into ad_set (account_id, id, campaign_id, name, status, daily_budget, currency, platform, updated_at) "
                            + "values (:account, :id, :campaign, :name, :status, :budget, :currency, 'meta', :now)")
                    .param("account", accountId).param("id", row.adSetId()).param("campaign", row.campaignId())
                    .param("name", row.adSetName()).param("status", row.status() == null ? "ACTIVE" : row.status())
                    .param("budget", row.dailyBudget()).param("currency", row.currency()).param("now", now).update();
        }
    }

    private enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private record Stored(BigDecimal spend, Long impressions, Long clicks, BigDecimal conversions, BigDecimal revenue,
                          String extra, String source, OffsetDateTime importedAt) {
    }

    private Outcome upsertInsight(String accountId, String source, InsightRow row, OffsetDateTime now) {
        Optional<Stored> existing = jdbc.sql("select spend, impressions, clicks, conversions, revenue, "
                        + "cast(extra_metrics as varchar) as extra, source, imported_at from daily_insight "
                        + "where account_id = :account and adset_id = :adset and insight_date = :day")
                .param("account", accountId).param("adset", row.adSetId()).param("day", row.date())
                .query((rs, n) -> new Stored(rs.getBigDecimal("spend"), (Long) rs.getObject("impressions", Long.class),
                        rs.getObject("clicks", Long.class), rs.getBigDecimal("conversions"), rs.getBigDecimal("revenue"),
                        rs.getString("extra"), rs.getString("source"), rs.getObject("imported_at", OffsetDateTime.class)))
                .optional();
        if (existing.isEmpty()) {
            jdbc.sql("insert into daily_insight (account_id, adset_id, insight_date, spend, impressions, clicks, conversions, "
                            + "revenue, extra_metrics, source, imported_at) values (:account, :adset, :day, :spend, :impressions, "
                            + ":clicks, :conversions, :revenue, " + dialect.json(":extra") + ", :source, :now)")
                    .param("account", accountId).param("adset", row.adSetId()).param("day", row.date())
                    .param("spend", row.spend()).param("impressions", row.impressions()).param("clicks", row.clicks())
                    .param("conversions", row.conversions()).param("revenue", row.revenue())
                    .param("extra", row.extraJson()).param("source", source).param("now", now).update();
            return Outcome.INSERTED;
        }
        Stored old = existing.get();
        if (same(old.spend(), row.spend()) && Objects.equals(old.impressions(), row.impressions())
                && Objects.equals(old.clicks(), row.clicks()) && same(old.conversions(), row.conversions())
                && same(old.revenue(), row.revenue()) && sameJson(old.extra(), row.extraJson())) {
            return Outcome.UNCHANGED;
        }
        jdbc.sql("insert into insight_history (account_id, adset_id, insight_date, spend, impressions, clicks, conversions, "
                        + "revenue, extra_metrics, source, imported_at, replaced_at, replaced_by) values (:account, :adset, :day, "
                        + ":spend, :impressions, :clicks, :conversions, :revenue, " + dialect.json(":extra")
                        + ", :source, :imported, :now, :by)")
                .param("account", accountId).param("adset", row.adSetId()).param("day", row.date())
                .param("spend", old.spend()).param("impressions", old.impressions()).param("clicks", old.clicks())
                .param("conversions", old.conversions()).param("revenue", old.revenue()).param("extra", old.extra())
                .param("source", old.source()).param("imported", old.importedAt()).param("now", now).param("by", source)
                .update();
        jdbc.sql("update daily_insight set spend = :spend, impressions = :impressions, clicks = :clicks, "
                        + "conversions = :conversions, revenue = :revenue, extra_metrics = " + dialect.json(":extra")
                        + ", source = :source, imported_at = :now "
                        + "where account_id = :account and adset_id = :adset and insight_date = :day")
                .param("spend", row.spend()).param("impressions", row.impressions()).param("clicks", row.clicks())
                .param("conversions", row.conversions()).param("revenue", row.revenue()).param("extra", row.extraJson())
                .param("source", source).param("now", now).param("account", accountId).param("adset", row.adSetId())
                .param("day", row.date()).update();
        return Outcome.UPDATED;
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
