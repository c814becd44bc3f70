package io.metasystem.mlcore.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Early stop (mandate §7): an ACTIVE ad set whose posterior probability of missing the target CPA/ROAS at its own
 * typical spend reaches the confidence, after enough spend, is paused — but only if the allocation would starve it
 * anyway (starvation guard) and the others can still absorb the total (capacity guard). Both guards exist because
 * pausing every above-target ad set of a saturated account pushes budget up the steep part of the others' curves.
 */
final class EarlyStopping {
    private static final double EPS = 1e-9;

    private EarlyStopping() {}

    static void apply(RunContext ctx, AdSetState[] arms) {
        OptimizationProblem p = ctx.p;
        boolean revenueObjective = ctx.revenueObjective;
        Double aovPool = ctx.aovPool;
        double r = ctx.r;
        EarlyStopRules rules = p.earlyStop();
        Targets t = p.targets();
        boolean roasRule = revenueObjective && t.roas() != null && aovPool != null;
        boolean cpaRule = !roasRule && t.cpa() != null;
        // the parts of the sentences that do not depend on the ad set, built once
        String prefix = roasRule
                ? "P(ROAS < " + Fmt.d2(t.roas()) + ") = "
                : cpaRule ? "P(CPA > " + ctx.money(t.cpa()) + ") = " : "";
        double needSpend = roasRule
                ? rules.minSpendMultiple() * aovPool / t.roas()
                : cpaRule ? rules.minSpendMultiple() * t.cpa() : 0.0;
        String notJudged = "; not judged before " + ctx.money(needSpend) + " spent (";
        String keep = " < " + Fmt.d2(rules.confidence()) + ": keep";
        for (AdSetState a : arms) {
            if (a.callerPaused) {
                a.early = new EarlyStopDecision(false, null, "paused by caller");
                continue;
            }
            if (a.in.locked()) {
                a.early = new EarlyStopDecision(false, null, "locked by caller: early stop not applied");
                continue;
            }
            if (!roasRule && !cpaRule) {
                a.early = new EarlyStopDecision(
                        false,
                        null,
                        "no target " + (revenueObjective ? "ROAS or CPA" : "CPA") + ": early stop not evaluated");
                continue;
            }
            // own operating point: CPA(s̄) = (s̄/r)^{1−θ}/κ, ROAS(s̄) = κ·aov·(s̄/r)^{θ−1}
            double scale = Math.pow(a.typicalSpend / r, 1.0 - a.theta);
            double prob = roasRule
                    ? Distributions.gammaCdfFast(a.alpha, a.beta, t.roas() * scale / a.aov)
                    : Distributions.gammaCdfFast(a.alpha, a.beta, scale / t.cpa());
            String what = Fmt.append(ctx.line().append(prefix), prob, 2).toString();
            boolean enough = a.rawSpend >= needSpend - EPS;
            boolean stop = rules.enabled() && enough && prob >= rules.confidence();
            if (stop) {
                a.stopped = true;
                a.early = new EarlyStopDecision(true, prob, what);
                continue;
            }
            String reason;
            if (!rules.enabled()) {
                reason = what + "; early stop disabled";
            } else if (!enough) {
                reason = Fmt.append(ctx.line().append(what).append(notJudged), a.rawSpend, 1)
                        .append(" so far)")
                        .toString();
            } else {
                reason = what + keep;
            }
            a.early = new EarlyStopDecision(false, prob, reason);
        }
        applyStops(ctx, arms, rules);
    }

    /**
     * Confirms early stops, most certain loser first (ties by id), as long as the ad sets still funded can absorb
     * the total under their ceilings. A loser whose pause would leave budget unspendable is kept, marked
     * overflow-only: its value coefficient is set to 0 so it receives only what the others cannot absorb.
     */
    private static void applyStops(RunContext ctx, AdSetState[] arms, EarlyStopRules rules) {
        OptimizationProblem p = ctx.p;
        OptimizerSettings cfg = ctx.cfg;
        double total = ctx.total;
        int n = ctx.n;
        List<AdSetState> candidates = new ArrayList<>();
        double capacity = 0;
        for (AdSetState a : arms) {
            if (a.stopped) {
                candidates.add(a);
            }
            if (!a.callerPaused) {
                capacity += Math.min(a.hi, total);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        // where the allocation is heading: water-filling under min/max only (no change cap, no stop)
        double[] coef = new double[n];
        double[] th = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double sumHi = 0;
        for (int i = 0; i < n; i++) {
            AdSetState a = arms[i];
            coef[i] = ctx.exploitCoefficient(a);
            th[i] = a.theta;
            lo[i] = a.callerPaused ? 0 : p.budget().minPerAdSet();
            hi[i] = a.callerPaused
                    ? 0
                    : Math.min(
                            total,
                            p.budget().maxPerAdSet() == null
                                    ? total
                                    : p.budget().maxPerAdSet());
            sumHi += hi[i];
        }
        double[] heading = WaterFilling.solve(coef, th, lo, hi, Math.min(total, sumHi));
        double starve = Math.max(p.budget().minPerAdSet(), cfg.starvedShare() * ctx.r) + 1e-9;
        for (int i = 0; i < n; i++) {
            AdSetState a = arms[i];
            if (a.stopped && heading[i] > starve) {
                a.stopped = false;
                a.early = new EarlyStopDecision(
                        false,
                        a.early.probabilityAboveTarget(),
                        String.format(
                                Locale.ROOT,
                                "%s >= %.2f, but the allocation still funds it at %s (more than %.0f %% of the equal "
                                        + "share): not paused",
                                a.early.reason(),
                                rules.confidence(),
                                ctx.money(heading[i]),
                                100 * cfg.starvedShare()));
                candidates.remove(a);
            }
        }
        candidates.sort(Comparator.comparingDouble((AdSetState a) -> -a.early.probabilityAboveTarget()));
        for (AdSetState a : candidates) {
            String what = a.early.reason();
            double prob = a.early.probabilityAboveTarget();
            double remaining = capacity - Math.min(a.hi, total);
            if (remaining >= total - 1e-9 * total) {
                capacity = remaining;
                a.lo = 0;
                a.hi = 0;
                a.early = new EarlyStopDecision(
                        true,
                        prob,
                        "early stop: " + what + " >= " + Fmt.d2(rules.confidence()) + " after " + ctx.money(a.rawSpend)
                                + " spent");
            } else {
                a.stopped = false;
                a.overflowOnly = true;
                a.early = new EarlyStopDecision(
                        false,
                        prob,
                        String.format(
                                Locale.ROOT,
                                "%s >= %.2f, but the other ad sets' caps cannot absorb its budget: "
                                        + "kept, funded only with " + "what they cannot take",
                                what,
                                rules.confidence()));
                ctx.warnings.add(a.in.id() + ": would be stopped early, kept because the remaining caps cannot absorb "
                        + "the budget");
            }
        }
    }
}
