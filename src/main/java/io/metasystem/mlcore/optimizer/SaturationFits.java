package io.metasystem.mlcore.optimizer;

/**
 * Fits θ_i for every ad set with daily history, pools the fits into θ_pool and shrinks each θ_i toward it
 * (mandate §3; the estimator itself is {@link SaturationEstimator}). Separate from the estimator because it owns
 * the cross-ad-set part: which days count (spend &gt; 0) and the pooled prior.
 */
final class SaturationFits {
    private SaturationFits() {}

    static void estimate(RunContext ctx, AdSetState[] arms) {
        OptimizerSettings cfg = ctx.cfg;
        int n = arms.length;
        double[] thetas = new double[n];
        double[] infos = new double[n];
        int m = 0;
        for (AdSetState a : arms) {
            if (a.nd == 0) {
                continue;
            }
            int used = 0;
            for (int d = 0; d < a.nd; d++) {
                if (a.s[d] > 0) {
                    used++;
                }
            }
            if (used == a.nd) {
                a.fit = SaturationEstimator.fit(a.u, a.c, a.w, used, cfg.thetaDefault());
            } else {
                double[] u = new double[used];
                double[] c = new double[used];
                double[] w = new double[used];
                used = 0;
                for (int d = 0; d < a.nd; d++) {
                    if (a.s[d] > 0) {
                        u[used] = a.u[d];
                        c[used] = a.c[d];
                        w[used] = a.w[d];
                        used++;
                    }
                }
                a.fit = SaturationEstimator.fit(u, c, w, used, cfg.thetaDefault());
            }
            thetas[m] = a.fit.theta();
            infos[m] = a.fit.information();
            m++;
        }
        ctx.thetaPool = SaturationEstimator.pool(thetas, infos, m, cfg.thetaDefault(), cfg.thetaDefaultWeight());
        double precision = 1.0 / (cfg.thetaPriorSd() * cfg.thetaPriorSd());
        for (AdSetState a : arms) {
            SaturationEstimator.Fit f = a.fit != null ? a.fit : new SaturationEstimator.Fit(ctx.thetaPool, 0.0);
            a.theta = SaturationEstimator.shrink(f, ctx.thetaPool, precision, cfg.thetaMin(), cfg.thetaMax());
        }
    }
}
