package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.AdSetRecommendation;
import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.BudgetRules;
import io.metasystem.mlcore.optimizer.DailyMetrics;
import io.metasystem.mlcore.optimizer.EarlyStopRules;
import io.metasystem.mlcore.optimizer.InfeasibleBudgetException;
import io.metasystem.mlcore.optimizer.Objective;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;
import io.metasystem.mlcore.optimizer.Targets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our {@link BudgetOptimizer}, called exactly as the HTTP API would call it: objective CONVERSIONS, the scenario's
 * total, min/max and change cap, exploration adaptive (null), the target CPA, the API's default risk aversion,
 * early stop and half-life, a seed derived from (scenario seed, day), and every ad set (ACTIVE and PAUSED) with
 * its full daily history and current budget = yesterday's budget. Ad sets the optimizer pauses get 0 and stay
 * paused (the harness then reports them PAUSED).
 *
 * <p>When the optimizer answers that the change cap cannot hold ({@link InfeasibleBudgetException} on
 * {@code budget.max_change_ratio}, HTTP 422 — e.g. the advertiser paused a large ad set and the others may only
 * grow 20 %), the policy asks again without the cap, as the automation would after that 422; this is the same rule
 * the harness applies to every policy (caps are dropped on days they cannot hold). {@link #relaxedRequests()}
 * counts those retries.
 *
 * <p>Outside priors come from a {@link PriorLookup} ({@link PriorLookup#NONE} by default, the request without
 * {@code use_model_priors}); the cold-start benchmark passes model priors for new ad sets, as the API attaches them.
 */
public final class OptimizerPolicy implements Policy {
    /** Risk aversion the API uses when the request does not set one. */
    public static final double DEFAULT_RISK_AVERSION = 0.0;

    private final BudgetOptimizer optimizer;
    private final double riskAversion;
    private final EarlyStopRules earlyStop;
    private final double halfLifeDays;
    private final String name;
    private final PriorLookup priors;
    private final Objective objective;
    private final AtomicLong relaxed = new AtomicLong();

    public OptimizerPolicy() {
        this(
                new BudgetOptimizer(),
                DEFAULT_RISK_AVERSION,
                EarlyStopRules.DEFAULT,
                OptimizationProblem.DEFAULT_HALF_LIFE_DAYS);
    }

    public OptimizerPolicy(
            BudgetOptimizer optimizer, double riskAversion, EarlyStopRules earlyStop, double halfLifeDays) {
        this("optimizer", PriorLookup.NONE, optimizer, riskAversion, earlyStop, halfLifeDays, Objective.CONVERSIONS);
    }

    /**
     * The API's defaults with outside priors per ad set, as {@code use_model_priors} attaches them.
     *
     * @param name   policy name in tables (e.g. {@code optimizer+priors})
     * @param priors prior of each ad set, {@link PriorLookup#NONE} for none
     */
    public OptimizerPolicy(String name, PriorLookup priors) {
        this(
                name,
                priors,
                new BudgetOptimizer(),
                DEFAULT_RISK_AVERSION,
                EarlyStopRules.DEFAULT,
                OptimizationProblem.DEFAULT_HALF_LIFE_DAYS,
                Objective.CONVERSIONS);
    }

    /**
     * The API's defaults for {@code objective}: {@link Objective#REVENUE} sends the revenue objective with a target
     * ROAS of (pooled observed revenue per conversion) / (the scenario's target CPA) instead of the target CPA.
     */
    public OptimizerPolicy(Objective objective) {
        this(
                "optimizer",
                PriorLookup.NONE,
                new BudgetOptimizer(),
                DEFAULT_RISK_AVERSION,
                EarlyStopRules.DEFAULT,
                OptimizationProblem.DEFAULT_HALF_LIFE_DAYS,
                objective);
    }

    private OptimizerPolicy(
            String name,
            PriorLookup priors,
            BudgetOptimizer optimizer,
            double riskAversion,
            EarlyStopRules earlyStop,
            double halfLifeDays,
            Objective objective) {
        this.objective = objective;
        this.name = name;
        this.priors = priors;
        this.optimizer = optimizer;
        this.riskAversion = riskAversion;
        this.earlyStop = earlyStop;
        this.halfLifeDays = halfLifeDays;
    }

    @Override
    public String name() {
        return name;
    }

    /** Requests re-sent without the change cap because it could not hold (see class comment). */
    public long relaxedRequests() {
        return relaxed.get();
    }

    /** The request the API would send today. */
    public OptimizationProblem problem(PolicyContext context) {
        return problem(context, context.constraints().maxChangeRatio());
    }

    private OptimizationProblem problem(PolicyContext context, Double maxChangeRatio) {
        BudgetConstraints c = context.constraints();
        BudgetRules rules = new BudgetRules(c.total(), c.minPerAdSet(), c.maxPerAdSet(), maxChangeRatio, null);
        List<AdSetInput> inputs = new ArrayList<>();
        for (AdSetView a : context.adSets()) {
            inputs.add(new AdSetInput(
                    a.id(),
                    a.name(),
                    a.status(),
                    a.currentBudget(),
                    null,
                    a.daily(),
                    priors.prior(context.scenarioSeed(), a.id()),
                    false,
                    null));
        }
        return new OptimizationProblem(
                objective,
                "EUR",
                rules,
                targets(context),
                riskAversion,
                earlyStop,
                halfLifeDays,
                Seeds.mix(context.scenarioSeed(), context.day()),
                inputs);
    }

    private Targets targets(PolicyContext context) {
        double targetCpa = context.constraints().targetCpa();
        if (objective != Objective.REVENUE) {
            return new Targets(targetCpa, null);
        }
        double revenue = 0;
        double conversions = 0;
        for (AdSetView a : context.adSets()) {
            for (DailyMetrics d : a.daily()) {
                revenue += d.revenue();
                conversions += d.conversions();
            }
        }
        return revenue > 0 && conversions > 0 ? new Targets(null, revenue / conversions / targetCpa) : Targets.NONE;
    }

    @Override
    public double[] allocate(PolicyContext context) {
        OptimizationResult result;
        try {
            result = optimizer.optimize(problem(context));
        } catch (InfeasibleBudgetException e) {
            if (!"budget.max_change_ratio".equals(e.constraint())
                    || context.constraints().maxChangeRatio() == null) {
                throw e;
            }
            relaxed.incrementAndGet();
            result = optimizer.optimize(problem(context, null));
        }
        Map<String, Double> byId = new HashMap<>();
        for (AdSetRecommendation r : result.adSets()) {
            byId.put(r.id(), r.recommendedBudget());
        }
        double[] b = new double[context.adSets().size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = byId.getOrDefault(context.adSets().get(i).id(), 0.0);
        }
        return b;
    }
}
