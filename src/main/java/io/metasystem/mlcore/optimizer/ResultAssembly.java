package io.metasystem.mlcore.optimizer;

import org.hipparchus.distribution.continuous.GammaDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link OptimizationResult} from the final state (mandate §8): per-ad-set expected conversions, CPA
 * and its credible interval, marginal CPA and posterior summary; the account-level interval of the day's
 * conversions (parameter + Poisson noise, negative-binomial moments); the thin-data and binding-cap warnings.
 */
final class ResultAssembly {
    private ResultAssembly() {}

    static OptimizationResult assemble(RunContext ctx, AdSetState[] arms) {
        OptimizationProblem p = ctx.p;
        OptimizerSettings cfg = ctx.cfg;
        double r = ctx.r;
        int n = ctx.n;
        AdSetRecommendation[] recs = new AdSetRecommendation[n];
        double allocated = 0;
        double conv = 0;
        double var = 0;
        double revenue = 0;
        double risk = 0;
        List<String> thin = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        Targets t = p.targets();
        for (AdSetState a : arms) {
            double b = a.b;
            double f = ResponseCurve.exposure(r, a.theta, b);
            double ec = a.mean() * f;
            double scale = ctx.valueScale(a);
            double er = ctx.valueObjective ? ec * scale : a.aov != null ? ec * a.aov : 0.0;
            Double cpa = b > 0 && ec > 0 ? b / ec : null;
            Interval ci = null;
            if (b > 0) {
                double k05 = Distributions.gammaQuantile(a.alpha, a.beta, -Distributions.Z95);
                double k95 = Distributions.gammaQuantile(a.alpha, a.beta, Distributions.Z95);
                if (k05 > 0 && k95 > 0) {
                    ci = new Interval(b / (k95 * f), b / (k05 * f));
                }
            }
            Double marginal = b > 0 && ec > 0 ? 1.0 / (a.mean() * a.theta * Math.pow(b / r, a.theta - 1)) : null;
            allocated += b;
            conv += ec;
            var += a.alpha / (a.beta * a.beta) * f * f + ec;
            revenue += er;
            risk += p.riskAversion() * a.sd() * f * scale;
            if (a.active() && a.conv < cfg.thinConversions()) {
                thin.add(a.in.id());
            }
            Action action = Explanations.action(cfg, a);
            List<String> reasons = Explanations.reasons(ctx, a, cpa, ci, marginal, t, capped);
            PosteriorSummary post = new PosteriorSummary(a.alpha, a.beta, a.mean(), a.e, a.conv, a.theta, a.aov);
            recs[a.inputIndex] = new AdSetRecommendation(
                    a.in.id(),
                    a.in.name(),
                    action,
                    b,
                    a.in.currentBudget(),
                    ec,
                    er,
                    cpa,
                    ci,
                    a.probBest,
                    finite(a.loss),
                    marginal,
                    a.early,
                    post,
                    reasons);
        }
        if (!thin.isEmpty()) {
            ctx.warnings.add(String.format(
                    Locale.ROOT,
                    "thin data (< %.0f decay-weighted conversions), prior-dominated: %s",
                    cfg.thinConversions(),
                    abbreviate(thin)));
        }
        if (!capped.isEmpty()) {
            ctx.warnings.add("binding caps: " + abbreviate(capped));
        }
        Interval convInterval;
        if (conv > 0 && var > 0) {
            double shape = conv * conv / var;
            double scale = var / conv;
            GammaDistribution g = new GammaDistribution(shape, scale);
            convInterval = new Interval(g.inverseCumulativeProbability(0.05), g.inverseCumulativeProbability(0.95));
        } else {
            convInterval = new Interval(0, 0);
        }
        allocated = Math.round(allocated * 100) / 100.0;
        AllocationSummary summary = new AllocationSummary(
                ctx.total,
                allocated,
                conv,
                convInterval,
                revenue,
                allocated > 0 && conv > 0 ? allocated / conv : null,
                finite(risk),
                ctx.explorationShare * allocated);
        return new OptimizationResult(
                Arrays.asList(recs), summary, ctx.warnings, BudgetOptimizer.METHOD, BudgetOptimizer.VERSION);
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0.0;
    }

    private static String abbreviate(List<String> ids) {
        if (ids.size() <= 10) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }
}
