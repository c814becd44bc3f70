package io.metasystem.mlcore.optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Run-wide quantities shared by the stages of one {@link OptimizationRun}: the problem, the settings, the
 * reference spend r and the pooled estimates, plus the warnings collected on the way. Kept in one place so that
 * every stage reads the same r, θ_pool, α₀ … and none recomputes them differently.
 */
final class RunContext {
    final OptimizationProblem p;
    final OptimizerSettings cfg;
    final List<String> warnings = new ArrayList<>();
    final int n;
    final double total;
    final boolean revenueObjective;
    /** Reference spend r = total / #ACTIVE ad sets (κ is "conversions per unit at spend r"). */
    double r;

    double thetaPool;
    double kappaPool;
    double alpha0;
    Double aovPool;
    double explorationShare;

    RunContext(OptimizationProblem p, OptimizerSettings cfg) {
        this.p = p;
        this.cfg = cfg;
        this.n = p.adSets().size();
        this.total = p.budget().total();
        this.revenueObjective = p.objective() == Objective.REVENUE;
    }

    /** Value per conversion: AOV_i when optimising revenue with revenue data, else 1. */
    double valueScale(AdSetState a) {
        if (revenueObjective && aovPool != null) {
            return a.aov;
        }
        return 1.0;
    }

    /** a_i of v_i(b) = a_i·b^θ_i: (E[κ] − λ·SD[κ])⁺ · r^{1−θ} · value per conversion. */
    double exploitCoefficient(AdSetState a) {
        double lambda = p.riskAversion();
        return Math.max(0.0, (a.alpha - lambda * Math.sqrt(a.alpha)) / a.beta)
                * Math.pow(r, 1 - a.theta)
                * valueScale(a);
    }

    /** Scratch buffer for explanation strings (one run is single-threaded). */
    final StringBuilder line = new StringBuilder(128);

    /** The scratch buffer, emptied. */
    StringBuilder line() {
        line.setLength(0);
        return line;
    }

    /** Appends an amount with two decimals and the currency when one is given. */
    StringBuilder money(StringBuilder sb, double x) {
        Fmt.append(sb, x, 2);
        return p.currency() == null ? sb : sb.append(' ').append(p.currency());
    }

    /** Amount with two decimals and the currency when one is given. */
    String money(double x) {
        return p.currency() == null ? Fmt.d2(x) : Fmt.d2(x) + " " + p.currency();
    }
}
