package io.metasystem.mlcore.optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The action label and the human-readable reasons of one recommendation (mandate §8), most important first:
 * pause, CPA with its interval, binding cap, exploration share, marginal CPA, thin data, θ, early-stop verdict.
 * Built with string concatenation and {@link Fmt}, never {@code String.format}, because this runs once per ad set.
 */
final class Explanations {
    private Explanations() {
    }

    static Action action(OptimizerSettings cfg, AdSetState a) {
        if (a.callerPaused || a.stopped) {
            return Action.PAUSE;
        }
        if (a.current == null) {
            return a.b > 0 ? Action.INCREASE : Action.HOLD;
        }
        double band = cfg.holdBand() * a.current;
        if (Math.abs(a.b - a.current) <= band) {
            return Action.HOLD;
        }
        return a.b > a.current ? Action.INCREASE : Action.DECREASE;
    }

    static List<String> reasons(RunContext ctx, AdSetState a, Double cpa, Interval ci, Double marginal, Targets t, List<String> capped) {
        List<String> out = new ArrayList<>();
        if (a.callerPaused) {
            out.add("paused by caller: not funded");
            return out;
        }
        if (a.stopped) {
            out.add(a.early.reason() + "; paused (a pause is exempt from the change cap)");
            return out;
        }
        if (cpa != null) {
            String ciText = ci != null ? " (90 % CI " + Fmt.d2(ci.lower()) + "–" + Fmt.d2(ci.upper()) + ")" : "";
            String vs = t.cpa() != null ? " vs target " + Fmt.d2(t.cpa()) : "";
            out.add("CPA " + ctx.money(cpa) + ciText + vs + " at " + ctx.money(a.b) + "/day");
        }
        BudgetRules br = ctx.p.budget();
        double b = a.b;
        if (b >= a.hi - 0.005 && a.hi > 0) {
            if (a.hiSrc == AdSetState.BoundSource.RATIO) {
                out.add("capped by max_change_ratio " + Fmt.d2(br.maxChangeRatio()) + " (at most " + ctx.money(a.hi) + ")");
                capped.add(a.in.id());
            } else if (a.hiSrc == AdSetState.BoundSource.MAX) {
                out.add("capped by max_per_adset " + ctx.money(a.hi));
                capped.add(a.in.id());
            }
        } else if (b <= a.lo + 0.005 && a.lo > 0) {
            if (a.loSrc == AdSetState.BoundSource.RATIO) {
                out.add("held up by max_change_ratio " + Fmt.d2(br.maxChangeRatio()) + " (at least " + ctx.money(a.lo)
                        + ")");
                capped.add(a.in.id());
            } else {
                out.add("at min_per_adset " + ctx.money(a.lo));
            }
        }
        if (a.isNew) {
            out.add("new ad set: exploration budget " + ctx.money(ctx.explorationShare * a.bTs)
                    + " (prior-only posterior)");
        } else if (ctx.explorationShare > 0 && b > 0) {
            out.add("exploration share " + Fmt.d0(100 * ctx.explorationShare) + " %: " + ctx.money(ctx.explorationShare * a.bTs)
                    + " of this budget from Thompson sampling");
        }
        if (marginal != null && (a.isNew || out.size() < 3)) {
            out.add("marginal CPA " + ctx.money(marginal) + " for the next unit of budget");
        }
        if (!a.isNew && a.conv < ctx.cfg.thinConversions()) {
            out.add("thin data: " + Fmt.d1(a.conv) + " decay-weighted conversions, prior strength " + Fmt.d1(ctx.alpha0));
        }
        out.add("saturation θ = " + Fmt.d2(a.theta) + " (pooled " + Fmt.d2(ctx.thetaPool) + ", own-data information "
                + Fmt.d1(a.fit != null ? a.fit.information() : 0.0) + ")");
        if (a.early != null && a.early.probabilityAboveTarget() != null && a.early.probabilityAboveTarget() >= 0.5) {
            out.add(a.early.reason());
        }
        return out;
    }
}
