package io.metasystem.mlcore.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One reproducible synthetic account: its hidden ad sets, its budget rules and its calendar. Built by
 * {@link ScenarioGenerator#generate(long, int)}; everything random in a backtest derives from {@link #seed()}.
 *
 * @param seed           seed of this scenario (drives the daily noise)
 * @param index          index within its generator run
 * @param label          short description, e.g. {@code small/tight/6 ad sets}
 * @param firstDay       calendar date of scored day 0
 * @param warmupDays     days of history before day 0, delivered at {@link #initialBudgets()} and visible to policies
 * @param constraints    budget rules of the account
 * @param adSets         the hidden truth, 4–12 ad sets typically
 * @param initialBudgets budgets per ad set during warm-up (currency per day, 0 for ad sets not live then),
 *                       same order as {@code adSets}, summing to the total
 * @param seasonCvrAmplitude relative amplitude of the weekly conversion-rate cycle, in [0, 1)
 * @param seasonCpmAmplitude relative amplitude of the weekly CPM cycle, in [0, 1)
 * @param seasonPeak     day of week with the highest conversion rate (CPM peaks two days later)
 * @param shocks         hidden events of the harder market, {@link MarketShocks#NONE} in the default market
 */
public record MarketScenario(
        long seed,
        int index,
        String label,
        LocalDate firstDay,
        int warmupDays,
        BudgetConstraints constraints,
        List<AdSetTruth> adSets,
        List<Double> initialBudgets,
        double seasonCvrAmplitude,
        double seasonCpmAmplitude,
        DayOfWeek seasonPeak,
        MarketShocks shocks) {
    public MarketScenario {
        if (shocks == null) {
            shocks = MarketShocks.NONE;
        }
        if (!shocks.adSets().isEmpty() && shocks.adSets().size() != adSets.size()) {
            throw new IllegalArgumentException("need one AdSetShocks per ad set");
        }
        adSets = List.copyOf(adSets);
        initialBudgets = List.copyOf(initialBudgets);
        if (adSets.isEmpty() || adSets.size() != initialBudgets.size()) {
            throw new IllegalArgumentException("need one initial budget per ad set");
        }
        if (warmupDays < 0) {
            throw new IllegalArgumentException("warmupDays must be >= 0, was " + warmupDays);
        }
    }

    /** The same scenario under other budget rules (e.g. a change cap imposed on every scenario). */
    public MarketScenario withConstraints(BudgetConstraints rules) {
        return new MarketScenario(
                seed,
                index,
                label,
                firstDay,
                warmupDays,
                rules,
                adSets,
                initialBudgets,
                seasonCvrAmplitude,
                seasonCpmAmplitude,
                seasonPeak,
                shocks);
    }

    /** Multiplier of ad set {@code i}'s CPM on {@code day} from the shocks (CPM jump, weekday competition). */
    public double shockCpm(int i, int day) {
        AdSetShocks s = shocks.of(i);
        double jump = day >= shocks.cpmJumpDay() ? s.cpmJumpFactor() : 1;
        return jump * s.weekdayCpm(date(day).getDayOfWeek());
    }

    /** Multiplier of ad set {@code i}'s CTR on {@code day} from a dead or replaced creative. */
    public double shockCtr(int i, int day) {
        return shocks.of(i).ctrFactor(day);
    }

    /** Calendar date of scored day {@code day} (negative for warm-up days). */
    public LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    /** Multiplier of the conversion rate on {@code day}. */
    public double seasonCvr(int day) {
        return 1 + seasonCvrAmplitude * Math.cos(2 * Math.PI * offset(day, 0) / 7.0);
    }

    /** Multiplier of the CPM on {@code day}. */
    public double seasonCpm(int day) {
        return 1 + seasonCpmAmplitude * Math.cos(2 * Math.PI * offset(day, 2) / 7.0);
    }

    private int offset(int day, int shift) {
        int dow = date(day).getDayOfWeek().getValue();
        return Math.floorMod(dow - seasonPeak.getValue() - shift, 7);
    }
}
