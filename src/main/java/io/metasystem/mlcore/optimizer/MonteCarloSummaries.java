package io.metasystem.mlcore.optimizer;

/**
 * Probability-best and expected loss per funded ad set (Scott 2010), from joint posterior draws. A separate
 * stage because it only reads the final budgets and is the one place where the draw count trades accuracy for
 * time on large accounts.
 */
final class MonteCarloSummaries {
    private MonteCarloSummaries() {}

    /**
     * probabilityBest and expectedLoss from M joint posterior draws (M adaptive to n, see the mandate).
     * "Best" in a draw = the funded ad set with the highest value per unit of spend at the common reference spend
     * r, i.e. the highest κ_j·scale_j (conversions, or revenue for REVENUE, per currency unit at equal spend).
     * Loss of ad set i in a draw = what its budget b_i would have earned on the best ad set's curve minus what it
     * earns on its own: max(0, κ_best·f_best(b_i) − κ_i·f_i(b_i)), f(b) = r·(b/r)^θ; expectedLoss is the mean.
     */
    static void summarise(RunContext ctx, AdSetState[] arms) {
        OptimizationProblem p = ctx.p;
        OptimizerSettings cfg = ctx.cfg;
        double r = ctx.r;
        int funded = 0;
        for (AdSetState a : arms) {
            if (a.b > 0) {
                funded++;
            }
        }
        if (funded == 0) {
            return;
        }
        int draws = Math.max(cfg.minDraws(), Math.min(cfg.maxDraws(), (cfg.drawBudget() + funded - 1) / funded));
        AdSetState[] f = new AdSetState[funded];
        double[] val = new double[draws * funded]; // val[m·funded + i]: draw m of ad set i, value per unit at r
        int j = 0;
        for (AdSetState a : arms) {
            if (a.b <= 0) {
                continue;
            }
            f[j] = a;
            RandomStreams.Stream st = new RandomStreams.Stream(
                    RandomStreams.streamSeed(p.seed(), a.idHash, RandomStreams.PURPOSE_MONTE_CARLO));
            double scale = ctx.valueScale(a);
            // Wilson–Hilferty quantile (Distributions.gammaQuantile) with its per-ad-set constants hoisted
            double c = 1.0 / (9.0 * a.alpha);
            double oneMinusC = 1.0 - c;
            double sqrtC = Math.sqrt(c);
            double mean = a.alpha / a.beta;
            for (int m = 0; m < draws; m++) {
                double t = oneMinusC + st.nextNormal() * sqrtC;
                val[m * funded + j] = (t <= 0 ? 0.0 : mean * t * t * t) * scale;
            }
            j++;
        }
        double[] curveOwn = new double[funded];
        double[] logRel = new double[funded];
        for (int i = 0; i < funded; i++) {
            logRel[i] = Math.log(f[i].b / r);
            curveOwn[i] = r * Math.exp(f[i].theta * logRel[i]);
        }
        int[] best = new int[funded];
        double[] loss = new double[funded];
        double[] relOnBest = new double[funded]; // (b_i/r)^θ_best, reused while θ_best repeats
        double cachedTheta = Double.NaN;
        for (int m = 0; m < draws; m++) {
            int row = m * funded;
            int arg = 0;
            double top = val[row];
            for (int i = 1; i < funded; i++) {
                if (val[row + i] > top) {
                    top = val[row + i];
                    arg = i;
                }
            }
            best[arg]++;
            double thetaBest = f[arg].theta;
            if (thetaBest != cachedTheta) {
                for (int i = 0; i < funded; i++) {
                    relOnBest[i] = Math.exp(thetaBest * logRel[i]);
                }
                cachedTheta = thetaBest;
            }
            double topR = top * r;
            for (int i = 0; i < funded; i++) {
                if (i != arg) {
                    double onBest = topR * relOnBest[i];
                    loss[i] += Math.max(0.0, onBest - val[row + i] * curveOwn[i]);
                }
            }
        }
        for (int i = 0; i < funded; i++) {
            f[i].probBest = (double) best[i] / draws;
            f[i].loss = loss[i] / draws;
        }
    }
}
