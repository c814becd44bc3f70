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
    /** Objective VALUE: value per conversion from the caller (mandate §5.4). */
    final boolean valueObjective;
    /** Value per conversion of an ad set without one: the mean of the given values, 1 when none is given. */
    final double valueDefault;
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
        this.valueObjective = p.objective() == Objective.VALUE;
        double sum = 0;
        int given = 0;
        if (valueObjective) {
            for (AdSetInput a : p.adSets()) {
                if (a.value() != null) {
                    sum += a.value().mean();
                    given++;
                }
            }
            if (given == 0) {
                warnings.add("objective VALUE but no value_per_conversion: every conversion counts 1");
            }
        }
        this.valueDefault = given > 0 ? sum / given : 1.0;
    }

    /** Standard deviation of an ad set's value per conversion (0 when unknown or not objective VALUE). */
    double valueSd(AdSetState a) {
        return valueObjective && a.in.value() != null ? a.in.value().sdOrZero() : 0.0;
    }

    /** Value per conversion: AOV_i when optimising revenue with revenue data, else 1. */
    double valueScale(AdSetState a) {
        if (revenueObjective && aovPool != null) {
            return a.aov;
        }
        if (valueObjective) {
            return a.in.value() != null ? a.in.value().mean() : valueDefault;
        }
        return 1.0;
    }

    /** a_i of v_i(b) = a_i·b^θ_i: (E[κ] − λ·SD[κ])⁺ · r^{1−θ} · value per conversion. */
    double exploitCoefficient(AdSetState a) {
        double lambda = p.riskAversion();
        if (valueObjective) {
            // κ·V with κ ~ Gamma(α, β) and V independent (mean μ, sd σ): Var = Var κ·(μ² + σ²) + E[κ]²·σ²
            double m = a.alpha / a.beta;
            double mu = valueScale(a);
            double s = valueSd(a);
            double sd = Math.sqrt(a.alpha / (a.beta * a.beta) * (mu * mu + s * s) + m * m * s * s);
            return Math.max(0.0, m * mu - lambda * sd) * Math.pow(r, 1 - a.theta);
        }
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
