package io.metasystem.mlcore.optimizer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic problems for tests and benchmarks: conversions ~ Poisson(κ·r·(s/r)^θ). */
public final class Fixtures {
    public static final LocalDate END = LocalDate.of(2026, 11, 27);

    private Fixtures() {}

    public static double poisson(SplittableRandom rnd, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            double u1 = rnd.nextDouble();
            double u2 = rnd.nextDouble();
            double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double prod = rnd.nextDouble();
        while (prod > l) {
            k++;
            prod *= rnd.nextDouble();
        }
        return k;
    }

    /**
     * @param kappa   conversions per currency unit at spend r
     * @param jitter  relative day-to-day spend variation (lognormal sigma)
     */
    public static List<DailyMetrics> history(
            SplittableRandom rnd,
            double kappa,
            double theta,
            double r,
            double baseSpend,
            double jitter,
            int days,
            LocalDate end) {
        List<DailyMetrics> rows = new ArrayList<>();
        for (int d = days - 1; d >= 0; d--) {
            double z = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            double s = Math.round(baseSpend * Math.exp(jitter * z) * 100) / 100.0;
            double mean = kappa * r * Math.pow(s / r, theta);
            double conv = poisson(rnd, mean);
            double clicks = poisson(rnd, mean * 20);
            rows.add(new DailyMetrics(end.minusDays(d), s, clicks * 30, clicks, conv, conv * 25.0));
        }
        return rows;
    }

    /** n ad sets with 'days' days of history each, κ spread over a factor ~3, θ = 0.7. */
    public static OptimizationProblem problem(int n, int days, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double total = 100.0 * n;
        List<AdSetInput> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double kappa = 0.05 * Math.exp(0.5 * (rnd.nextDouble() * 2 - 1));
            double base = 100 * Math.exp(0.4 * (rnd.nextDouble() * 2 - 1));
            List<DailyMetrics> h = history(rnd, kappa, 0.7, 100, base, 0.2, days, END);
            sets.add(new AdSetInput(
                    "as-" + i,
                    "Ad set " + i,
                    AdSetStatus.ACTIVE,
                    h.get(h.size() - 1).spend(),
                    null,
                    h,
                    null,
                    false,
                    null));
        }
        return new OptimizationProblem(
                Objective.CONVERSIONS,
                "EUR",
                new BudgetRules(total, 1.0, null, 0.3, null),
                new Targets(30.0, null),
                0.0,
                EarlyStopRules.DEFAULT,
                7.0,
                seed,
                sets);
    }

    public static AdSetInput adSet(String id, AdSetStatus status, Double current, List<DailyMetrics> daily) {
        return new AdSetInput(id, id, status, current, null, daily, null, false, null);
    }

    public static OptimizationProblem problem(BudgetRules rules, Targets targets, long seed, List<AdSetInput> sets) {
        return new OptimizationProblem(
                Objective.CONVERSIONS, "EUR", rules, targets, 0.0, EarlyStopRules.DEFAULT, 7.0, seed, sets);
    }

    public static List<DailyMetrics> constant(double spend, double conversions, int days) {
        List<DailyMetrics> rows = new ArrayList<>();
        for (int d = days - 1; d >= 0; d--) {
            rows.add(new DailyMetrics(END.minusDays(d), spend, null, null, conversions, null));
        }
        return rows;
    }
}
