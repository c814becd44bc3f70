package io.metasystem.mlcore.store;

import io.metasystem.mlcore.errors.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Every optimize answer, stateless or from the store, with what it recommended per ad set; and its outcome. */
@Repository
public class RecommendationStore {
    private static final JsonMapper JSON = StoredJson.MAPPER;
    private static final String COLUMNS =
            "id, account_id, created_at, request_hash, cast(inputs_summary as varchar) as inputs, "
                    + "inputs_summary_deflated, optimizer_version, model_version, currency, total_budget, data_until";

    private final JdbcClient jdbc;
    private final Clock clock;

    public RecommendationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh id to put in the response before it is saved. */
    public String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Saves a recommendation; {@code createdAt} in it is ignored and set to now.
     *
     * @return the stored recommendation
     */
    @Transactional
    public Recommendation save(Recommendation r) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // lines and response in one compact payload (V70): no recommendation_adset rows, no JSON for the database;
        // the inputs summary deflated (V87), its JSON column left null
        jdbc.sql("insert into recommendation (id, account_id, created_at, request_hash, inputs_summary_deflated, "
                        + "payload, optimizer_version, model_version, currency, total_budget, data_until) values (:id, "
                        + ":account, :now, :hash, :inputs, :payload, :optimizer, :model, :currency, :total, "
                        + ":dataUntil)")
                .param("id", r.id())
                .param("account", AccountIds.canonical(r.accountId()))
                .param("now", now)
                .param("hash", r.requestHash())
                .param("inputs", DeflatedText.deflate(JSON.writeValueAsString(r.inputsSummary())))
                .param("payload", RecommendationPayload.encode(r.adSets(), r.response()))
                .param("optimizer", r.optimizerVersion())
                .param("model", r.modelVersion())
                .param("currency", r.currency())
                .param("total", r.totalBudget())
                .param("dataUntil", r.dataUntil())
                .update();
        return r.stored(AccountIds.canonical(r.accountId()), now);
    }

    /**
     * The one "no such recommendation" of every route (store reads, apply): 404 naming {@code recommendation_id}.
     */
    public static NotFoundException notFound(String id) {
        return new NotFoundException("recommendation", id, "recommendation_id", "No recommendation '" + id + "'.");
    }

    /** @throws NotFoundException (resource {@code recommendation}) when there is no such recommendation */
    @Transactional(readOnly = true)
    public Recommendation get(String id) {
        Loaded loaded = jdbc.sql("select " + COLUMNS
                        + ", cast(response as varchar) as response, payload from recommendation where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    byte[] payload = rs.getBytes("payload");
                    if (payload == null) {
                        // written before V70: JSON response column, lines in recommendation_adset
                        String json = rs.getString("response");
                        return new Loaded(row(rs, json == null ? null : JSON.readTree(json), List.of()), true);
                    }
                    RecommendationPayload.Content content = RecommendationPayload.decode(payload);
                    return new Loaded(row(rs, content.response(), content.adSets()), false);
                })
                .optional()
                .orElseThrow(() -> notFound(id));
        Recommendation r = loaded.recommendation();
        if (!loaded.legacy()) {
            return r;
        }
        return r.withAdSets(adSets(id));
    }

    /** A row as read, and whether its lines are still in {@code recommendation_adset} (written before V70). */
    private record Loaded(Recommendation recommendation, boolean legacy) {}

    /**
     * Recommendations, newest first, without their full response.
     *
     * @param accountId nullable: all
     * @param from      nullable: first creation day (UTC, inclusive)
     * @param to        nullable: last creation day (UTC, inclusive)
     */
    @Transactional(readOnly = true)
    public Page<Recommendation> list(String accountId, LocalDate from, LocalDate to, int page, int size) {
        accountId = AccountIds.canonical(accountId);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (accountId != null) {
            where.append(" and account_id = :account");
            params.put("account", accountId);
        }
        if (from != null) {
            where.append(" and created_at >= :from");
            params.put("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" and created_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("select count(*) from recommendation" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Recommendation> items = jdbc.sql("select " + COLUMNS + " from recommendation" + where
                        + " order by created_at desc, id limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> row(rs, null, List.of()))
                .list();
        return new Page<>(items, page, size, total);
    }

    /**
     * Compares a recommendation with the insights of the {@code days} days after it.
     *
     * @throws NotFoundException (resource {@code recommendation}) when there is no such recommendation
     */
    @Transactional(readOnly = true)
    public RecommendationOutcome outcome(String id, int days) {
        return outcome(id, days, null);
    }

    /**
     * Compares a recommendation with the insights of {@code days} days from {@code start}.
     *
     * @param start first day to compare; null: the day after the recommendation (UTC)
     * @throws NotFoundException (resource {@code recommendation}) when there is no such recommendation
     */
    @Transactional(readOnly = true)
    public RecommendationOutcome outcome(String id, int days, LocalDate start) {
        Recommendation r = get(id);
        LocalDate from = start != null
                ? start
                : r.createdAt()
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDate()
                        .plusDays(1);
        LocalDate to = from.plusDays(days - 1L);
        List<RecommendationOutcome.Line> lines = new ArrayList<>();
        Set<LocalDate> observed = new HashSet<>();
        Map<String, List<Object[]>> realised = new HashMap<>();
        for (Recommendation.RecommendedAdSet a : r.adSets()) {
            var query = jdbc.sql("select insight_date, spend, conversions, revenue from daily_insight "
                            + "where adset_id = :adset "
                            + "and insight_date between :from and :to"
                            + (r.accountId() == null ? "" : " and account_id = :account"))
                    .param("adset", a.adsetId())
                    .param("from", from)
                    .param("to", to);
            if (r.accountId() != null) {
                query = query.param("account", r.accountId());
            }
            List<Object[]> rows = query.query((rs, n) -> new Object[] {
                        rs.getObject("insight_date", LocalDate.class),
                        rs.getBigDecimal("spend"),
                        rs.getBigDecimal("conversions"),
                        rs.getBigDecimal("revenue")
                    })
                    .list();
            rows.forEach(row -> observed.add((LocalDate) row[0]));
            realised.put(a.adsetId(), rows);
        }
        int n = observed.size();
        BigDecimal[] sums = new BigDecimal[7];
        Arrays.fill(sums, BigDecimal.ZERO);
        boolean revenueKnown = true;
        for (Recommendation.RecommendedAdSet a : r.adSets()) {
            List<Object[]> rows = realised.get(a.adsetId());
            BigDecimal spend = BigDecimal.ZERO;
            BigDecimal conversions = BigDecimal.ZERO;
            BigDecimal revenue = BigDecimal.ZERO;
            for (Object[] row : rows) {
                spend = spend.add((BigDecimal) row[1]);
                conversions = conversions.add(row[2] == null ? BigDecimal.ZERO : (BigDecimal) row[2]);
                revenue = revenue.add(row[3] == null ? BigDecimal.ZERO : (BigDecimal) row[3]);
            }
            BigDecimal days2 = BigDecimal.valueOf(n);
            BigDecimal recommendedSpend = money(a.recommendedBudget().multiply(days2));
            BigDecimal expectedConversions =
                    a.expectedConversions().multiply(days2).setScale(4, RoundingMode.HALF_UP);
            BigDecimal expectedRevenue = a.expectedRevenue() == null
                    ? null
                    : a.expectedRevenue().multiply(days2).setScale(4, RoundingMode.HALF_UP);
            revenueKnown &= expectedRevenue != null;
            lines.add(new RecommendationOutcome.Line(
                    a.adsetId(),
                    a.name(),
                    a.recommendedBudget(),
                    recommendedSpend,
                    money(spend),
                    expectedConversions,
                    conversions.setScale(4, RoundingMode.HALF_UP),
                    expectedRevenue,
                    money(revenue),
                    rows.size()));
            sums[0] = sums[0].add(a.recommendedBudget());
            sums[1] = sums[1].add(recommendedSpend);
            sums[2] = sums[2].add(spend);
            sums[3] = sums[3].add(expectedConversions);
            sums[4] = sums[4].add(conversions);
            sums[5] = sums[5].add(expectedRevenue == null ? BigDecimal.ZERO : expectedRevenue);
            sums[6] = sums[6].add(revenue);
        }
        RecommendationOutcome.Line total = new RecommendationOutcome.Line(
                null,
                "total",
                sums[0],
                money(sums[1]),
                money(sums[2]),
                sums[3].setScale(4, RoundingMode.HALF_UP),
                sums[4].setScale(4, RoundingMode.HALF_UP),
                revenueKnown ? sums[5].setScale(4, RoundingMode.HALF_UP) : null,
                money(sums[6]),
                n);
        String status = n == 0 ? "no_data_yet" : n < days ? "partial" : "complete";
        String message = n == 0
                ? "no data yet: no insights of these ad sets have been imported for " + from + " to " + to
                : "compared " + n + " of " + days + " day(s) after the recommendation: spent "
                        + money(sums[2]).toPlainString()
                        + " of " + money(sums[1]).toPlainString() + " recommended, "
                        + sums[4].stripTrailingZeros().toPlainString()
                        + " conversions against "
                        + sums[3].setScale(1, RoundingMode.HALF_UP).toPlainString() + " expected";
        return new RecommendationOutcome(r.id(), r.accountId(), status, message, from, to, days, n, lines, total);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private List<Recommendation.RecommendedAdSet> adSets(String id) {
        return jdbc.sql("select adset_id, name, current_budget, recommended_budget, "
                        + "expected_conversions, expected_revenue "
                        + "from recommendation_adset where recommendation_id = :id order by adset_id")
                .param("id", id)
                .query((rs, n) -> new Recommendation.RecommendedAdSet(
                        rs.getString("adset_id"),
                        rs.getString("name"),
                        rs.getBigDecimal("current_budget"),
                        rs.getBigDecimal("recommended_budget"),
                        rs.getBigDecimal("expected_conversions"),
                        rs.getBigDecimal("expected_revenue")))
                .list();
    }

    /** The head columns of a row, with the given response (nullable) and lines. */
    private static Recommendation row(ResultSet rs, JsonNode response, List<Recommendation.RecommendedAdSet> lines)
            throws SQLException {
        // deflated since V87; the JSON column for rows written before
        String inputs = DeflatedText.of(rs.getBytes("inputs_summary_deflated"), rs.getString("inputs"));
        JsonNode summary = inputs == null ? null : JSON.readTree(inputs);
        LocalDate dataUntil = rs.getObject("data_until", LocalDate.class);
        return new Recommendation(
                rs.getString("id"),
                rs.getString("account_id"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("request_hash"),
                summary,
                response,
                rs.getString("optimizer_version"),
                rs.getString("model_version"),
                rs.getString("currency"),
                rs.getBigDecimal("total_budget"),
                lines,
                dataUntil != null ? dataUntil : legacyDataUntil(summary));
    }

    /**
     * {@code last_date} of the inputs summary: the data-until day of rows saved before the {@code data_until} column
     * existed (V27); null when absent or not a date.
     */
    private static LocalDate legacyDataUntil(JsonNode summary) {
        String last = summary == null ? null : summary.path("last_date").asString(null);
        try {
            return last == null || last.isBlank() ? null : LocalDate.parse(last);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
