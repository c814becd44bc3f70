package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.AdSetStatus;
import io.metasystem.mlcore.optimizer.DailyMetrics;
import io.metasystem.mlcore.optimizer.Objective;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs policies day by day on synthetic scenarios and scores them against the true market. Each policy sees
 * the same scenario, the same warm-up history and the same noise (common random numbers) but its own
 * trajectory (fatigue, history, pauses). Deterministic for a given seed regardless of thread count.
 */
public final class Backtest {
    /** Tolerance of the constraint audit, currency. */
    public static final double CENT = 0.01;
    /** Floating-point slack on the cent tolerances: an amount exactly one cent off is within them. */
    private static final double ROUNDING = 1e-9;

    private static final double PAUSED = 0.005;

    private final ScenarioGenerator generator;
    private final List<Policy> policies;
    private final int days;
    private final Objective objective;

    public Backtest(ScenarioGenerator generator, List<Policy> policies, int days) {
        this(generator, policies, days, Objective.CONVERSIONS);
    }

    /**
     * @param objective what is scored: {@link Objective#CONVERSIONS} (expected conversions) or
     *                  {@link Objective#REVENUE} (expected revenue; the oracle curves given to clairvoyant policies
     *                  are then {@link ResponseCurve#valued()} and "conversions" in the report read as revenue)
     */
    public Backtest(ScenarioGenerator generator, List<Policy> policies, int days, Objective objective) {
        if (objective == Objective.VALUE) {
            throw new IllegalArgumentException("the backtest scores CONVERSIONS or REVENUE");
        }
        this.objective = objective;
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        this.generator = generator;
        this.policies = List.copyOf(policies);
        this.days = days;
    }

    public List<Policy> policies() {
        return policies;
    }

    public int days() {
        return days;
    }

    /**
     * Scenarios {@code 0 .. scenarios−1} of {@code seed}, in parallel; {@code progress} receives the number of
     * scenarios finished so far (in completion order). Results are in scenario order.
     */
    public BacktestReport run(long seed, int scenarios, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        List<List<PolicyRun>> perScenario = IntStream.range(0, scenarios)
                .parallel()
                .mapToObj(k -> {
                    List<PolicyRun> runs = runScenario(generator.generate(seed, k));
                    progress.accept(done.incrementAndGet());
                    return runs;
                })
                .collect(Collectors.toList());
        List<PolicyRun> all = new ArrayList<>();
        perScenario.forEach(all::addAll);
        List<String> names = policies.stream().map(Policy::name).toList();
        return new BacktestReport(seed, scenarios, days, names, all);
    }

    /** Every policy on one scenario, in policy order. */
    public List<PolicyRun> runScenario(MarketScenario scenario) {
        List<PolicyRun> runs = new ArrayList<>();
        for (Policy p : policies) {
            runs.add(run(p, scenario));
        }
        return runs;
    }

    /** One policy on one scenario. */
    public PolicyRun run(Policy policy, MarketScenario scenario) {
        AdMarket market = new AdMarket(scenario);
        BudgetConstraints rules = scenario.constraints();
        List<AdSetTruth> truth = scenario.adSets();
        int n = truth.size();
        double[] cumulative = new double[n];
        List<List<DailyMetrics>> history = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            history.add(new ArrayList<>());
        }
        double[] prev = new double[n];
        boolean[] pausedByPolicy = new boolean[n];

        // warm-up at the advertiser's own split
        for (int day = -scenario.warmupDays(); day < 0; day++) {
            for (int i = 0; i < n; i++) {
                double b = truth.get(i).liveOn(day) ? scenario.initialBudgets().get(i) : 0;
                deliver(market, scenario, i, day, b, cumulative, history);
            }
        }
        for (int i = 0; i < n; i++) {
            prev[i] = truth.get(i).liveOn(-1) ? scenario.initialBudgets().get(i) : 0;
        }

        double[] dailyExpected = new double[days];
        double[] dailyOptimum = new double[days];
        double realised = 0;
        double spend = 0;
        double wasted = 0;
        double expectedSpend = 0;
        int violations = 0;
        int errors = 0;
        String firstError = null;
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < n; i++) {
                if (market.freshCreative(i, day)) {
                    cumulative[i] = 0;
                }
            }
            // what the policy sees
            List<Integer> visible = new ArrayList<>();
            List<AdSetView> views = new ArrayList<>();
            List<ResponseCurve> curves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                AdSetTruth a = truth.get(i);
                if (day < a.startDay()) {
                    continue;
                }
                boolean active = a.liveOn(day) && !pausedByPolicy[i];
                visible.add(i);
                views.add(new AdSetView(
                        a.id(),
                        a.name(),
                        active ? AdSetStatus.ACTIVE : AdSetStatus.PAUSED,
                        active && prev[i] > 0 ? prev[i] : null,
                        history.get(i)));
                ResponseCurve curve = market.curve(i, day, cumulative[i]);
                curves.add(objective == Objective.REVENUE ? curve.valued() : curve);
            }
            PolicyContext context = new PolicyContext(
                    scenario.seed(), day, scenario.date(day), rules, views, policy.clairvoyant() ? curves : null);
            int m = visible.size();
            double[] budgets;
            try {
                budgets = policy.allocate(context);
                if (budgets == null || budgets.length != m) {
                    throw new IllegalStateException("policy " + policy.name() + " returned "
                            + (budgets == null ? "null" : budgets.length + " budgets for " + m + " ad sets"));
                }
                budgets = budgets.clone();
            } catch (UnsupportedOperationException e) {
                throw e;
            } catch (RuntimeException e) {
                errors++;
                if (firstError == null) {
                    firstError = "day " + day + ": " + e;
                }
                BudgetConstraints.Box box = context.box();
                budgets = Allocations.fit(context.previous(), box.lower(), box.upper(), rules.total());
            }
            for (int j = 0; j < m; j++) {
                if (!(budgets[j] >= 0) || !Double.isFinite(budgets[j])) {
                    violations++;
                    budgets[j] = 0;
                }
            }
            violations += audit(context, budgets);

            // score against the truth of today
            double expected = 0;
            double[] lo = new double[m];
            double[] hi = new double[m];
            int live = 0;
            for (int j = 0; j < m; j++) {
                if (truth.get(visible.get(j)).liveOn(day)) {
                    lo[j] = rules.minPerAdSet();
                    hi[j] = rules.max();
                    live++;
                }
                expected += curves.get(j).conversions(budgets[j]);
            }
            double[] optimum = Allocations.waterFill(curves.toArray(new ConcaveCurve[0]), lo, hi, rules.total());
            double best = 0;
            for (int j = 0; j < m; j++) {
                best += curves.get(j).conversions(optimum[j]);
            }
            dailyExpected[day] = expected;
            dailyOptimum[day] = Math.max(best, expected);
            double reference = rules.total() / Math.max(1, live);
            double bestCpa = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (hi[j] > 0) {
                    bestCpa = Math.min(bestCpa, curves.get(j).cpa(reference));
                }
            }
            for (int j = 0; j < m; j++) {
                double s = curves.get(j).spend(budgets[j]);
                expectedSpend += s;
                if (curves.get(j).cpa(reference) > 2 * bestCpa) {
                    wasted += s;
                }
            }

            // deliver
            for (int j = 0; j < m; j++) {
                int i = visible.get(j);
                DayOutcome o = deliver(market, scenario, i, day, budgets[j], cumulative, history);
                realised += objective == Objective.REVENUE ? o.revenue() : o.conversions();
                spend += o.spend();
                if (views.get(j).active() && budgets[j] < PAUSED) {
                    pausedByPolicy[i] = true;
                }
                prev[i] = budgets[j];
            }
        }
        double sumExpected = Allocations.sum(dailyExpected);
        double sumOptimum = Allocations.sum(dailyOptimum);
        return new PolicyRun(
                policy.name(),
                scenario.index(),
                scenario.label(),
                n,
                sumOptimum > 0 ? sumExpected / sumOptimum : 1,
                sumExpected,
                sumOptimum,
                realised,
                spend,
                expectedSpend > 0 ? wasted / expectedSpend : 0,
                violations,
                errors,
                firstError,
                dailyExpected,
                dailyOptimum);
    }

    /**
     * Counts broken constraints of one day: funding a PAUSED ad set; a funded ad set below min or above max; a
     * funded ad set moved beyond the change cap from a funded yesterday (only when the caps could all hold
     * together with the total); a total off by more than a cent (only when the bounds could reach it).
     */
    public static int audit(PolicyContext context, double[] budgets) {
        BudgetConstraints rules = context.constraints();
        int m = budgets.length;
        boolean[] funded = new boolean[m];
        int v = 0;
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += budgets[j];
            boolean active = context.adSets().get(j).active();
            if (!active && budgets[j] > PAUSED) {
                v++;
            }
            funded[j] = active && budgets[j] > PAUSED;
        }
        double[] prev = context.previous();
        BudgetConstraints.Box box = rules.box(prev, funded);
        for (int j = 0; j < m; j++) {
            if (!funded[j]) {
                continue;
            }
            double b = budgets[j];
            if (b < rules.minPerAdSet() - CENT - ROUNDING || b > rules.max() + CENT + ROUNDING) {
                v++;
            } else if (!box.capsRelaxed()
                    && rules.maxChangeRatio() != null
                    && prev[j] > 0
                    && Math.abs(b - prev[j]) > rules.maxChangeRatio() * prev[j] + CENT + ROUNDING) {
                v++;
            }
        }
        boolean reachable = box.sumLower() <= rules.total() + CENT && box.sumUpper() >= rules.total() - CENT;
        if (Math.abs(sum - rules.total()) > CENT + ROUNDING && (reachable || sum > rules.total())) {
            v++;
        }
        return v;
    }

    private static DayOutcome deliver(
            AdMarket market,
            MarketScenario scenario,
            int i,
            int day,
            double budget,
            double[] cumulative,
            List<List<DailyMetrics>> history) {
        if (!(budget > 0)) {
            return DayOutcome.NONE;
        }
        DayOutcome o = market.draw(i, day, budget, cumulative[i]);
        cumulative[i] += market.exposure(i, o.impressions());
        history.get(i)
                .add(new DailyMetrics(
                        scenario.date(day), o.spend(), o.impressions(), o.clicks(), o.conversions(), o.revenue()));
        return o;
    }
}
