package io.metasystem.mlcore.optimizer;

import java.util.Arrays;
import java.util.Locale;

/**
 * The budgets (mandate §5–6): the exploit allocation maximises the (risk-penalised) posterior-mean value by
 * water-filling; the exploration allocation water-fills one coupled Thompson draw per ad set (Russo et al. 2018);
 * the final budget is their convex combination (1−ε)·b_exploit + ε·b_TS — feasible because both are — rounded to
 * the cent. ε is the caller's exploration share or adapts to the budget-weighted posterior CV.
 */
final class ExplorationMix {
    private ExplorationMix() {}

    static void allocate(RunContext ctx, AdSetState[] arms) {
        OptimizationProblem p = ctx.p;
        OptimizerSettings cfg = ctx.cfg;
        double total = ctx.total;
        double r = ctx.r;
        int n = ctx.n;
        double lambda = p.riskAversion();
        double[] coefExploit = new double[n];
        double[] coefTs = new double[n];
        double[] theta = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double sumHi = 0;
        int live = 0;
        for (int i = 0; i < n; i++) {
            AdSetState a = arms[i];
            coefExploit[i] = a.overflowOnly ? 0.0 : ctx.exploitCoefficient(a);
            theta[i] = a.theta;
            lo[i] = a.active() ? a.lo : 0;
            hi[i] = a.active() ? Math.min(a.hi, total) : 0;
            sumHi += hi[i];
            if (a.active()) {
                live++;
            }
        }
        boolean anyCallerActive = Arrays.stream(arms).anyMatch(a -> !a.callerPaused);
        double target = Math.min(total, sumHi);
        if (!anyCallerActive) {
            ctx.warnings.add("every ad set is paused: nothing allocated");
            target = 0;
        } else if (live == 0) {
            ctx.warnings.add(
                    String.format(Locale.ROOT, "every active ad set was stopped early: %s unspent", ctx.money(total)));
            target = 0;
        } else if (target < total - 0.005) {
            ctx.warnings.add(String.format(
                    Locale.ROOT,
                    "%s unspent: after early stops the remaining ad sets' caps absorb only %s",
                    ctx.money(total - target),
                    ctx.money(target)));
        }
        double[] bx = target > 0 ? WaterFilling.solve(coefExploit, theta, lo, hi, target) : new double[n];
        // exploration share
        if (p.budget().explorationShare() != null) {
            ctx.explorationShare = p.budget().explorationShare();
        } else {
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                num += bx[i] / Math.sqrt(arms[i].alpha);
                den += bx[i];
            }
            double cv = den > 0 ? num / den : 0;
            ctx.explorationShare = Math.min(cfg.explorationCap(), cfg.explorationScale() * cv);
            if (p.budget().maxChangeRatio() != null) {
                ctx.explorationShare *= cfg.capExploration();
            }
        }
        double[] bt = bx;
        if (target > 0 && ctx.explorationShare > 0) {
            // one coupled posterior draw per ad set, made only when it is used
            for (int i = 0; i < n; i++) {
                AdSetState a = arms[i];
                double curve = Math.pow(r, 1 - a.theta) * ctx.valueScale(a);
                RandomStreams.Stream st = new RandomStreams.Stream(
                        RandomStreams.streamSeed(p.seed(), a.idHash, RandomStreams.PURPOSE_THOMPSON));
                coefTs[i] =
                        a.overflowOnly ? 0.0 : Distributions.gammaQuantile(a.alpha, a.beta, st.nextNormal()) * curve;
            }
            bt = WaterFilling.solve(coefTs, theta, lo, hi, target);
        }
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            arms[i].bExploit = bx[i];
            arms[i].bTs = bt[i];
            mix[i] =
                    WaterFilling.clamp((1 - ctx.explorationShare) * bx[i] + ctx.explorationShare * bt[i], lo[i], hi[i]);
        }
        long[] cents = target > 0 ? CentRounding.round(mix, lo, hi, target) : new long[n];
        for (int i = 0; i < n; i++) {
            arms[i].b = cents[i] / 100.0;
        }
    }
}
