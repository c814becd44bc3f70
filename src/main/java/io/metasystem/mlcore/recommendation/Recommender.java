package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import io.metasystem.mlcore.ml.ModelPriors;
import io.metasystem.mlcore.ml.StoreDatasets;
import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.AdSetStatus;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.ConversionValue;
import io.metasystem.mlcore.optimizer.DailyMetrics;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.AdSetHistory;
import io.metasystem.mlcore.store.AdSetPlatformDays;
import io.metasystem.mlcore.store.DailyInsight;
import io.metasystem.mlcore.store.InsightStore;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The use case "optimize and record a recommendation": optimize a stateless request ({@link #optimize(
 * StatelessRequest)}) or an account's stored history ({@link #optimize(HistoryRequest)}), with priors from the
 * champion model the selection rule picks (docs/ml.md), then {@link #record} the answer: stored with its inputs, the
 * prediction log written and {@code recommendation.created} published to the outbound webhooks.
 *
 * <p>The caller maps the {@link Optimized} result to its answer between the two steps; this class knows nothing of
 * the wire format. Amounts are in the account currency per day.
 */
@Service
public class Recommender {
    private final BudgetOptimizer optimizer = new BudgetOptimizer();
    private final InsightStore store;
    private final ModelPriorSelection selector;
    private final RecommendationRecorder recorder;
    private final ObjectMapper json;
    private final Clock clock;

    private final StoreDatasets datasets;

    Recommender(
            InsightStore store,
            ModelPriorSelection selector,
            RecommendationRecorder recorder,
            ObjectMapper json,
            Clock clock,
            StoreDatasets datasets) {
        this.datasets = datasets;
        this.store = store;
        this.selector = selector;
        this.recorder = recorder;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Optimizes the caller's whole state. When a champion is selected, every wanted ad set gets its prior (predicted
     * for the wanted day) before the problem is built.
     *
     * @throws io.metasystem.mlcore.errors.InvalidInputException naming the field for invalid input (also an attribute
     *     that does not parse as the model's numeric feature, {@code adsets[i].attributes.<key>}) or
     *     {@code model_scope} when model priors are required and no default scope has a champion
     * @throws io.metasystem.mlcore.errors.NotFoundException when the named {@code model_scope} has no champion
     * @throws io.metasystem.mlcore.optimizer.InfeasibleBudgetException when the constraints cannot all hold
     */
    public Optimized optimize(StatelessRequest request) {
        Optional<ModelPriorSelection.Selection> selection =
                selector.select(request.useModelPriors(), request.modelScope(), request.accountId());
        List<ModelPriorSelection.Applied> applied = new ArrayList<>();
        Map<Integer, Prior> priors = new HashMap<>();
        if (selection.isPresent()) {
            ModelPriors.Champion champion = selection.get().champion();
            for (StatelessRequest.PriorWanted w : request.wanted()) {
                ModelPriors.Prediction prediction =
                        ModelPriorSelection.predict(champion, w.attributes(), "adsets[" + w.index() + "].attributes");
                priors.put(w.index(), prediction.prior());
                applied.add(new ModelPriorSelection.Applied(w.adsetId(), w.day(), prediction));
            }
        }
        OptimizationProblem problem = request.problem().apply(Map.copyOf(priors));
        OptimizationResult result = optimizer.optimize(problem);
        return new Optimized(request.accountId(), problem, result, null, selection, applied);
    }

    /**
     * Optimizes the account's ACTIVE and PAUSED ad sets (of one campaign, if named) on their last
     * {@code lookback_days} stored days ending on the latest stored day (today, UTC, without any), their stored daily
     * budget as current budget. Ad sets with stored attributes get the champion's prior for the day after the
     * history, from the features {@link StoreDatasets#servingFeatures} computes (the training rule).
     *
     * @throws io.metasystem.mlcore.errors.NotFoundException for an unknown account, or a {@code model_scope} without
     *     champion
     * @throws ProblemException (422) when the account (or campaign) has no ACTIVE or PAUSED ad set
     * @throws io.metasystem.mlcore.errors.InvalidInputException as {@link #optimize(StatelessRequest)}
     * @throws io.metasystem.mlcore.optimizer.InfeasibleBudgetException when the constraints cannot all hold
     */
    public Optimized optimize(HistoryRequest request) {
        String id = AccountIds.canonical(request.accountId());
        String campaign = request.campaignId();
        store.requireAccount(id);
        LocalDate last = store.lastDate(id);
        LocalDate to = last == null ? LocalDate.now(clock) : last;
        LocalDate from = to.minusDays(request.lookbackDays() - 1L);
        List<AdSetHistory> histories = store.histories(id, campaign, from, to);
        if (histories.isEmpty()) {
            throw new ProblemException(
                    ProblemKind.UNPROCESSABLE,
                    "Nothing to optimize",
                    "Account '" + id + "' has no ACTIVE or PAUSED ad set"
                            + (campaign == null ? "" : " in campaign '" + campaign + "'")
                            + "; import its insights first.",
                    List.of(new FieldProblem(
                            campaign == null ? "account_id" : "campaign_id", "no ACTIVE or PAUSED ad set")),
                    Map.of(),
                    null);
        }
        OptimizeSettings settings = request.settings();
        String currency = settings.currency() != null
                ? settings.currency()
                : histories.stream()
                        .map(h -> h.adSet().currency())
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        Optional<ModelPriorSelection.Selection> selection =
                selector.select(request.useModelPriors(), request.modelScope(), id);
        List<ModelPriorSelection.Applied> applied = new ArrayList<>();
        LocalDate day = to.plusDays(1);
        // the artists' platform days the champion's platform features read (d-13..d-7), when it has them
        Map<String, Map<LocalDate, AdSetPlatformDays.Day>> platform =
                selection.isPresent() ? datasets.platformDays(id, day.minusDays(13), to) : Map.of();
        List<AdSetInput> adSets = new ArrayList<>();
        List<SeedInput.AdSet> seedAdSets = new ArrayList<>();
        for (AdSetHistory h : histories) {
            Prior prior = null;
            if (selection.isPresent() && !h.adSet().attributes().isEmpty()) {
                ModelPriors.Prediction prediction = ModelPriorSelection.predict(
                        selection.get().champion(),
                        StoreDatasets.servingFeatures(
                                h.adSet(),
                                h.days(),
                                from,
                                day,
                                platform.get(id + "|" + h.adSet().id())),
                        "adsets[" + h.adSet().id() + "].attributes");
                prior = prediction.prior();
                applied.add(new ModelPriorSelection.Applied(h.adSet().id(), day, prediction));
            }
            AdSetInput input =
                    withValue(input(h, prior), request.values().get(h.adSet().id()));
            adSets.add(input);
            seedAdSets.add(SeedInput.adSet(input, h.adSet().status()));
        }
        lock(adSets, request.lockedAdsets());
        long seed = settings.seed() != null
                ? settings.seed()
                : seed(json, SeedInput.of(request.seedBasis(), currency, seedAdSets));
        OptimizationProblem problem = new OptimizationProblem(
                settings.objective(),
                currency,
                settings.budget(),
                settings.targets(),
                settings.riskAversion(),
                settings.earlyStop(),
                settings.halfLifeDays(),
                seed,
                adSets);
        OptimizationResult result = optimizer.optimize(problem);
        Optimized.History history = new Optimized.History(id, from, to, request.lookbackDays(), campaign);
        return new Optimized(id, problem, result, history, selection, applied);
    }

    /**
     * Stores the answer as a recommendation, logs the model's predictions under its id and publishes
     * {@code recommendation.created}.
     *
     * @param request the request as parsed (a DTO or tree Jackson can write); its SHA-256 is taken over the JSON the
     *     application's mapper writes for it (with the account id for a history call), streamed, without building a
     *     tree
     * @param answer the answer as the caller returns it, without {@code recommendation_id}
     * @return the answer with {@code recommendation_id} first, as saved
     */
    public ObjectNode record(Optimized optimized, Object request, JsonNode answer) {
        Object hashed = request;
        if (optimized.history() != null) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("account_id", optimized.accountId());
            wrapped.put("request", request);
            hashed = wrapped;
        }
        return recordHashed(optimized, recorder.sha256(hashed), answer);
    }

    /**
     * As {@link #record(Optimized, Object, JsonNode)} with the request hash already taken (the stateless route hashes
     * the body bytes as received while it is parsed).
     *
     * @param requestHash lower-case hex SHA-256 of the request
     */
    public ObjectNode recordHashed(Optimized optimized, String requestHash, JsonNode answer) {
        Optional<Optimized.ModelRef> model = optimized.model();
        ObjectNode body = recorder.record(
                optimized.accountId(),
                requestHash,
                optimized.problem(),
                optimized.result(),
                answer,
                model.map(Optimized.ModelRef::label).orElse(null));
        if (model.isPresent()) {
            selector.log(
                    optimized.selection().get(),
                    optimized.accountId(),
                    optimized.applied(),
                    body.get("recommendation_id").asString());
        }
        return body;
    }

    /**
     * The default seed: derived from the request itself (its JSON with {@code mapper}), so that the same request gives
     * the same answer while tomorrow's request (new history) draws fresh exploration.
     *
     * @return the first 8 bytes of the SHA-256 of the JSON, non-negative
     */
    public static long seed(ObjectMapper mapper, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * Locks the named ad sets at their stored daily budget.
     *
     * @throws InvalidInputException naming {@code locked_adsets[k]} for an id not among the ad sets, a PAUSED one or
     *     one without a stored daily budget
     */
    private static void lock(List<AdSetInput> adSets, List<String> ids) {
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k) == null ? null : ids.get(k).strip();
            String field = "locked_adsets[" + k + "]";
            int at = -1;
            for (int i = 0; i < adSets.size(); i++) {
                if (adSets.get(i).id().equals(id)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new InvalidInputException(field, "no ACTIVE or PAUSED ad set '" + ids.get(k) + "' to lock");
            }
            AdSetInput a = adSets.get(at);
            if (a.status() == AdSetStatus.PAUSED) {
                throw new InvalidInputException(field, "a PAUSED ad set cannot be locked");
            }
            if (a.currentBudget() == null) {
                throw new InvalidInputException(field, "ad set '" + a.id() + "' has no stored daily budget to keep");
            }
            adSets.set(at, a.withLocked(true));
        }
    }

    /** A stored ad set as the optimizer's input: stored budget as current budget, stored days as daily rows. */
    private static AdSetInput withValue(AdSetInput a, ConversionValue value) {
        return value == null
                ? a
                : new AdSetInput(
                        a.id(),
                        a.name(),
                        a.status(),
                        a.currentBudget(),
                        a.totals(),
                        a.daily(),
                        a.prior(),
                        a.locked(),
                        value);
    }

    private static AdSetInput input(AdSetHistory h, Prior prior) {
        List<DailyMetrics> daily = new ArrayList<>();
        for (DailyInsight d : h.days()) {
            daily.add(new DailyMetrics(
                    d.date(),
                    d.spend().doubleValue(),
                    d.impressions() == null ? null : d.impressions().doubleValue(),
                    d.clicks() == null ? null : d.clicks().doubleValue(),
                    d.conversions() == null ? 0.0 : d.conversions().doubleValue(),
                    d.revenue() == null ? null : d.revenue().doubleValue()));
        }
        String status = h.adSet().status();
        return new AdSetInput(
                h.adSet().id(),
                h.adSet().name(),
                status == null ? AdSetStatus.ACTIVE : AdSetStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                h.adSet().dailyBudget() == null ? null : h.adSet().dailyBudget().doubleValue(),
                null,
                daily,
                prior,
                false,
                null);
    }
}
