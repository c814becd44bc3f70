package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.AdSetRecommendation;
import io.metasystem.mlcore.optimizer.AdSetStatus;
import io.metasystem.mlcore.optimizer.AllocationSummary;
import io.metasystem.mlcore.optimizer.BindingConstraint;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.BudgetPlan;
import io.metasystem.mlcore.optimizer.BudgetRules;
import io.metasystem.mlcore.optimizer.BudgetScenarios;
import io.metasystem.mlcore.optimizer.ConversionValue;
import io.metasystem.mlcore.optimizer.DailyMetrics;
import io.metasystem.mlcore.optimizer.EarlyStopRules;
import io.metasystem.mlcore.optimizer.Feasibility;
import io.metasystem.mlcore.optimizer.Interval;
import io.metasystem.mlcore.optimizer.Objective;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import io.metasystem.mlcore.optimizer.PlanDay;
import io.metasystem.mlcore.optimizer.PosteriorSummary;
import io.metasystem.mlcore.optimizer.Prior;
import io.metasystem.mlcore.optimizer.Targets;
import io.metasystem.mlcore.optimizer.Totals;
import io.metasystem.mlcore.recommendation.OptimizeSettings;
import io.metasystem.mlcore.recommendation.Optimized;
import io.metasystem.mlcore.recommendation.Recommender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translates between the wire format and the optimizer's domain records, applying the documented defaults. */
@Component
class OptimizeMapper {
    private final ObjectMapper mapper;
    private final BudgetOptimizer optimizer = new BudgetOptimizer();

    OptimizeMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws InvalidInputException when the request is invalid */
    OptimizationProblem toProblem(OptimizeRequest r) {
        OptimizeRequestValidator.validate(r);
        OptimizeSettings settings = settings(r);
        List<AdSetInput> adSets = new ArrayList<>(r.adsets().size());
        for (OptimizeRequest.AdSet a : r.adsets()) {
            adSets.add(toAdSet(a));
        }
        return new OptimizationProblem(
                settings.objective(),
                r.currency(),
                settings.budget(),
                settings.targets(),
                settings.riskAversion(),
                settings.earlyStop(),
                settings.halfLifeDays(),
                r.seed() == null ? defaultSeed(r) : r.seed(),
                adSets);
    }

    /**
     * The settings of an optimization on stored history (no ad sets), validated, with the documented defaults.
     *
     * @throws InvalidInputException naming every invalid field
     */
    /** Whether an account request asks for the {@code streams} objective (the value objective with streams values). */
    static boolean isStreams(String objective) {
        return objective != null && objective.strip().equalsIgnoreCase("streams");
    }

    OptimizeSettings toSettings(AccountOptimizeRequest r) {
        OptimizeRequest settings = new OptimizeRequest(
                isStreams(r.objective()) ? "value" : r.objective(),
                r.currency(),
                r.budget(),
                r.targets(),
                r.riskAversion(),
                r.earlyStop(),
                r.halfLifeDays(),
                r.seed(),
                null,
                null,
                null,
                null,
                null);
        OptimizeRequestValidator.validateSettings(settings, r.totalSweep(), r.horizonDays());
        return settings(settings);
    }

    private static OptimizeSettings settings(OptimizeRequest r) {
        OptimizeRequest.Budget b = r.budget();
        BudgetRules budget = new BudgetRules(
                b.total(), orZero(b.minPerAdset()), b.maxPerAdset(), b.maxChangeRatio(), b.explorationShare());
        Targets targets = r.targets() == null
                ? Targets.NONE
                : new Targets(r.targets().cpa(), r.targets().roas());
        EarlyStopRules defaults = EarlyStopRules.DEFAULT;
        EarlyStopRules earlyStop = r.earlyStop() == null
                ? defaults
                : new EarlyStopRules(
                        r.earlyStop().enabled() == null
                                ? defaults.enabled()
                                : r.earlyStop().enabled(),
                        r.earlyStop().confidence() == null
                                ? defaults.confidence()
                                : r.earlyStop().confidence(),
                        r.earlyStop().minSpendMultiple() == null
                                ? defaults.minSpendMultiple()
                                : r.earlyStop().minSpendMultiple());
        return new OptimizeSettings(
                r.objective() == null
                        ? Objective.CONVERSIONS
                        : Objective.valueOf(r.objective().toUpperCase(Locale.ROOT)),
                budget,
                targets,
                earlyStop,
                orZero(r.riskAversion()),
                r.halfLifeDays() == null ? OptimizationProblem.DEFAULT_HALF_LIFE_DAYS : r.halfLifeDays(),
                r.currency(),
                r.seed());
    }

    private static AdSetInput toAdSet(OptimizeRequest.AdSet a) {
        Totals totals = a.metrics() == null
                ? null
                : new Totals(
                        a.metrics().spend(),
                        a.metrics().impressions(),
                        a.metrics().clicks(),
                        a.metrics().conversions(),
                        a.metrics().revenue());
        List<DailyMetrics> daily = a.daily() == null
                ? List.of()
                : a.daily().stream()
                        .map(d -> new DailyMetrics(
                                d.date(), d.spend(), d.impressions(), d.clicks(), d.conversions(), d.revenue()))
                        .toList();
        Prior prior = a.prior() == null
                ? null
                : new Prior(
                        a.prior().cpa(),
                        a.prior().cvr(),
                        a.prior().roas(),
                        a.prior().weight(),
                        a.prior().source());
        AdSetStatus status = a.status() == null
                ? AdSetStatus.ACTIVE
                : AdSetStatus.valueOf(a.status().toUpperCase(Locale.ROOT));
        ConversionValue value = a.valuePerConversion() == null
                ? null
                : new ConversionValue(a.valuePerConversion(), a.valuePerConversionSd());
        return new AdSetInput(
                a.id(),
                a.name(),
                status,
                a.currentBudget(),
                totals,
                daily,
                prior,
                Boolean.TRUE.equals(a.locked()),
                value);
    }

    /**
     * A seed derived from the request itself: the same request gives the same answer, while tomorrow's request
     * (new history) draws fresh exploration instead of repeating today's draws.
     */
    long defaultSeed(OptimizeRequest r) {
        // the what-if fields never change the one-day answer, nor its default seed
        ObjectNode oneDay = mapper.valueToTree(r);
        oneDay.remove(List.of("total_sweep", "horizon_days"));
        return Recommender.seed(mapper, oneDay);
    }

    /** The answer of an optimization: {@link #toResponse} naming the model whose priors were used, if any. */
    OptimizeResponse toAnswer(Optimized optimized) {
        return toAnswer(optimized, null, null);
    }

    /**
     * The answer with the what-if parts the request asks for (validated before): a total sweep and a multi-day
     * plan, each from re-runs of the optimizer on the same problem.
     *
     * @param sweep totals to try, null: none
     * @param horizonDays days of the plan, null: none
     */
    OptimizeResponse toAnswer(Optimized optimized, List<Double> sweep, Integer horizonDays) {
        OptimizeResponse base = toResponse(optimized.problem(), optimized.result());
        OptimizeResponse response = optimized
                .model()
                .map(m -> base.withModel(m.version(), m.modelId()))
                .orElse(base);
        if (sweep == null && horizonDays == null) {
            return response;
        }
        List<OptimizeResponse.SweepPoint> points = sweep == null
                ? null
                : BudgetScenarios.sweep(optimizer, optimized.problem(), sweep).stream()
                        .map(p -> new OptimizeResponse.SweepPoint(
                                p.total(),
                                p.feasible(),
                                p.expectedConversions(),
                                pair(p.conversionsInterval()),
                                p.expectedValue(),
                                p.expectedCpa(),
                                p.marginalCpa(),
                                p.detail()))
                        .toList();
        OptimizeResponse.Plan plan = null;
        if (horizonDays != null) {
            BudgetPlan bp = BudgetScenarios.plan(optimizer, optimized.problem(), optimized.result(), horizonDays);
            List<OptimizeResponse.PlanDay> days = new ArrayList<>();
            for (PlanDay d : bp.days()) {
                days.add(new OptimizeResponse.PlanDay(
                        d.day(),
                        byId(bp.adsetIds(), d.budgets()),
                        d.expectedConversions(),
                        pair(d.conversionsInterval())));
            }
            plan = new OptimizeResponse.Plan(byId(bp.adsetIds(), bp.target()), days);
        }
        return response.withWhatIf(points, plan);
    }

    private static Map<String, Double> byId(List<String> ids, List<Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), values.get(i));
        }
        return out;
    }

    OptimizeResponse toResponse(OptimizationProblem problem, OptimizationResult result) {
        List<OptimizeResponse.AdSetResult> adsets =
                result.adSets().stream().map(OptimizeMapper::toResult).toList();
        AllocationSummary s = result.summary();
        OptimizeResponse.Summary summary = new OptimizeResponse.Summary(
                s.totalBudget(),
                s.allocated(),
                s.expectedConversions(),
                pair(s.conversionsInterval()),
                s.expectedRevenue(),
                s.expectedCpa(),
                s.riskPenalty(),
                s.explorationBudget());
        List<BindingConstraint> binding = Feasibility.binding(problem, result);
        List<String> warnings = new ArrayList<>(result.warnings());
        warnings.addAll(Feasibility.warnings(binding));
        // recommendation_id is stamped by Recommender.record once the answer is stored
        return new OptimizeResponse(
                null,
                adsets,
                summary,
                warnings,
                result.method(),
                result.version(),
                problem.objective().name().toLowerCase(Locale.ROOT),
                problem.currency(),
                problem.seed(),
                null,
                null,
                binding.isEmpty()
                        ? null
                        : binding.stream()
                                .map(b -> new OptimizeResponse.Binding(b.field(), b.bound(), b.adsets(), b.amount()))
                                .toList(),
                null,
                null);
    }

    private static OptimizeResponse.AdSetResult toResult(AdSetRecommendation a) {
        PosteriorSummary p = a.posterior();
        OptimizeResponse.Posterior posterior = p == null
                ? null
                : new OptimizeResponse.Posterior(
                        p.shape(),
                        p.rate(),
                        p.conversionsPerUnit(),
                        p.effectiveSpend(),
                        p.effectiveConversions(),
                        p.saturationExponent(),
                        p.orderValue());
        OptimizeResponse.EarlyStop earlyStop = a.earlyStop() == null
                ? null
                : new OptimizeResponse.EarlyStop(
                        a.earlyStop().stop(),
                        a.earlyStop().probabilityAboveTarget(),
                        a.earlyStop().reason());
        return new OptimizeResponse.AdSetResult(
                a.id(),
                a.name(),
                a.action().name().toLowerCase(Locale.ROOT),
                a.recommendedBudget(),
                a.currentBudget(),
                a.expectedConversions(),
                a.expectedRevenue(),
                a.expectedCpa(),
                pair(a.cpaInterval()),
                a.probabilityBest(),
                a.expectedLoss(),
                a.marginalCpa(),
                earlyStop,
                posterior,
                a.reasons());
    }

    private static List<Double> pair(Interval interval) {
        return interval == null ? null : List.of(interval.lower(), interval.upper());
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
