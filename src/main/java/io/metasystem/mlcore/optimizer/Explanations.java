package io.metasystem.mlcore.optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The action label and the human-readable reasons of one recommendation (mandate §8), most important first:
 * pause, CPA with its interval, binding cap, exploration share, marginal CPA, thin data, θ, early-stop verdict.
 * Built with string concatenation and {@link Fmt}, never {@code String.format}, because this runs once per ad set.
 */
final class Explanations {
    private Explanations() {}

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

    static List<String> reasons(
            RunContext ctx, AdSetState a, Double cpa, Interval ci, Double marginal, Targets t, List<String> capped) {
        List<String> out = new ArrayList<>(6);
        if (a.callerPaused) {
            out.add("paused by caller: not funded");
            return out;
        }
        if (a.stopped) {
            out.add(a.early.reason() + "; paused (a pause is exempt from the change cap)");
            return out;
        }
        StringBuilder sb = ctx.line();
        if (cpa != null) {
            sb.append("CPA ");
            ctx.money(sb, cpa);
            if (ci != null) {
                Fmt.append(sb.append(" (90 % CI "), ci.lower(), 2).append('–');
                Fmt.append(sb, ci.upper(), 2).append(')');
            }
            if (t.cpa() != null) {
                Fmt.append(sb.append(" vs target "), t.cpa(), 2);
            }
            ctx.money(sb.append(" at "), a.b).append("/day");
            out.add(sb.toString());
        }
        BudgetRules br = ctx.p.budget();
        double b = a.b;
        if (b >= a.hi - 0.005 && a.hi > 0) {
            if (a.hiSrc == AdSetState.BoundSource.RATIO) {
                Fmt.append(ctx.line().append("capped by max_change_ratio "), br.maxChangeRatio(), 2);
                out.add(ctx.money(ctx.line.append(" (at most "), a.hi)
                        .append(')')
                        .toString());
                capped.add(a.in.id());
            } else if (a.hiSrc == AdSetState.BoundSource.LOCKED) {
                out.add(ctx.money(ctx.line().append("locked by the caller at "), a.hi)
                        .toString());
            } else if (a.hiSrc == AdSetState.BoundSource.MAX) {
                out.add(ctx.money(ctx.line().append("capped by max_per_adset "), a.hi)
                        .toString());
                capped.add(a.in.id());
            }
        } else if (b <= a.lo + 0.005 && a.lo > 0) {
            if (a.loSrc == AdSetState.BoundSource.RATIO) {
                Fmt.append(ctx.line().append("held up by max_change_ratio "), br.maxChangeRatio(), 2);
                out.add(ctx.money(ctx.line.append(" (at least "), a.lo)
                        .append(')')
                        .toString());
                capped.add(a.in.id());
            } else {
                out.add(ctx.money(ctx.line().append("at min_per_adset "), a.lo).toString());
            }
        }
        if (a.isNew) {
            out.add(ctx.money(ctx.line().append("new ad set: exploration budget "), ctx.explorationShare * a.bTs)
                    .append(" (prior-only posterior)")
                    .toString());
        } else if (ctx.explorationShare > 0 && b > 0) {
            Fmt.append(ctx.line().append("exploration share "), 100 * ctx.explorationShare, 0)
                    .append(" %: ");
            out.add(ctx.money(ctx.line, ctx.explorationShare * a.bTs)
                    .append(" of this budget from Thompson sampling")
                    .toString());
        }
        if (marginal != null && (a.isNew || out.size() < 3)) {
            out.add(ctx.money(ctx.line().append("marginal CPA "), marginal)
                    .append(" for the next unit of budget")
                    .toString());
        }
        if (!a.isNew && a.conv < ctx.cfg.thinConversions()) {
            Fmt.append(ctx.line().append("thin data: "), a.conv, 1)
                    .append(" decay-weighted conversions, prior strength ");
            out.add(Fmt.append(ctx.line, ctx.alpha0, 1).toString());
        }
        Fmt.append(ctx.line().append("saturation θ = "), a.theta, 2).append(" (pooled ");
        Fmt.append(ctx.line, ctx.thetaPool, 2).append(", own-data information ");
        out.add(Fmt.append(ctx.line, a.fit != null ? a.fit.information() : 0.0, 1)
                .append(')')
                .toString());
        if (a.early != null && a.early.probabilityAboveTarget() != null && a.early.probabilityAboveTarget() >= 0.5) {
            out.add(a.early.reason());
        }
        return out;
    }
}
