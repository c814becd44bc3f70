package io.metasystem.mlcore.optimizer;

/**
 * Gamma–Poisson posteriors of κ_i under an empirically pooled prior (mandate §4; Gelman et al., BDA3 ch. 2, 5).
 * First maps each day's spend to an exposure on the reference curve, e_d = r·(s_d/r)^θ_i, which keeps the Gamma
 * prior conjugate; then estimates the pooled prior (funnel prior mean m_i, strength α₀ by the method of moments,
 * optional overdispersion φ_i) and adds each ad set's evidence and outside prior.
 */
final class PooledPosteriors {
    private PooledPosteriors() {}

    static void build(RunContext ctx, AdSetState[] arms) {
        computeExposures(ctx, arms);
        buildPosteriors(ctx, arms);
    }

    /** Decay-weighted exposure, conversions, clicks and revenue sums per ad set. */
    static void computeExposures(RunContext ctx, AdSetState[] arms) {
        double r = ctx.r;
        for (AdSetState a : arms) {
            if (a.nd > 0) {
                boolean allClicks = a.clickDays == a.nd;
                boolean allRevenue = a.revenueDays == a.nd;
                double w2e = 0;
                for (int d = 0; d < a.nd; d++) {
                    double e = a.s[d] > 0 ? r * Math.exp(a.theta * a.u[d]) : 0.0;
                    double we = a.w[d] * e;
                    double wc = a.w[d] * a.c[d];
                    a.e += we;
                    a.conv += wc;
                    if (a.s[d] > 0) {
                        a.wDays += a.w[d];
                    }
                    w2e += a.w[d] * we;
                    if (a.clicks != null && !Double.isNaN(a.clicks[d])) {
                        a.ek += we;
                        a.ck += wc;
                    }
                    if (a.rev != null && !Double.isNaN(a.rev[d])) {
                        a.cv += wc;
                    }
                }
                if (allClicks) {
                    a.ek = a.e;
                    a.ck = a.conv;
                }
                if (allRevenue) {
                    a.cv = a.conv;
                }
                a.q = a.e > 0 ? w2e / a.e : 1.0;
            } else if (a.totalsOnly) {
                Totals t = a.in.totals();
                a.e = t.spend() * Math.pow(a.typicalSpend / r, a.theta - 1.0);
                a.conv = t.conversions();
                if (t.clicks() != null) {
                    a.k = t.clicks();
                    a.ek = a.e;
                    a.ck = a.conv;
                }
                if (t.revenue() != null) {
                    a.v = t.revenue();
                    a.cv = a.conv;
                }
            }
        }
    }

    private static void buildPosteriors(RunContext ctx, AdSetState[] arms) {
        OptimizerSettings cfg = ctx.cfg;
        double sc = 0, se = 0, sk = 0, sek = 0, sck = 0, sv = 0, scv = 0;
        for (AdSetState a : arms) {
            sc += a.conv;
            se += a.e;
            sk += a.k;
            sek += a.ek;
            sck += a.ck;
            sv += a.v;
            scv += a.cv;
        }
        if (sc > 0 && se > 0) {
            ctx.kappaPool = sc / se;
        } else {
            Double cpa = ctx.p.targets().cpa();
            if (cpa != null) {
                ctx.kappaPool = 1.0 / cpa;
            } else if (se > 0) {
                ctx.kappaPool = 1.0 / se;
            } else {
                ctx.kappaPool = 1.0 / ctx.total;
            }
            ctx.warnings.add("no conversions in the history: the pooled prior is a placeholder ("
                    + (cpa != null ? "target CPA" : "one conversion per total spend")
                    + "), expected conversions are not informative");
        }
        ctx.aovPool = sv > 0 && scv > 0 ? sv / scv : null;
        if (ctx.revenueObjective) {
            if (ctx.aovPool == null) {
                ctx.warnings.add("objective REVENUE but no revenue data: allocating for conversions");
            }
        }
        estimateDispersion(ctx, arms);
        boolean funnel = cfg.useFunnel() && sk > 0 && sck > 0 && sek > 0;
        double cvrPool = funnel ? sck / sk : 0;
        double cpePool = funnel ? sk / sek : 0;
        // method of moments on z_i = C_i / (m_i E_i): E[n_i (z_i − 1)²] = n_i V + q_i
        double num = 0;
        double den = 0;
        int count = 0;
        for (AdSetState a : arms) {
            a.priorMean = funnel && a.ek > 0
                    ? cvrPool * (a.k + cfg.clickPseudo()) / (a.ek + cfg.clickPseudo() / cpePool)
                    : ctx.kappaPool;
            if (a.e > 0) {
                double ni = a.priorMean * a.e;
                double z = a.conv / ni;
                num += ni * (z - 1) * (z - 1) - a.phi * a.q;
                den += ni;
                count++;
            }
        }
        double alpha0;
        if (count >= 2 && den > 0) {
            double var = num / den;
            alpha0 = var > 0
                    ? Math.max(cfg.priorShapeMin(), Math.min(cfg.priorShapeMax(), 1.0 / var))
                    : cfg.priorShapeMax();
        } else {
            alpha0 = cfg.priorShapeDefault();
        }
        ctx.alpha0 = alpha0;
        double r = ctx.r;
        boolean splitFunnel = funnel && cfg.cvrHalfLifeFactor() != 1.0;
        for (AdSetState a : arms) {
            double pooledMean;
            if (splitFunnel && a.ek > 0 && a.kLong > 0) {
                // κ_i = (clicks per exposure, recent) × (conversions per click, longer memory): fatigue moves
                // the click-through part, which clicks measure precisely; the conversion rate per click is
                // estimated from more days. CVR_i ~ Gamma(α₀ + C^L, α₀/CVR_pool + K^L), κ_i = cpe_i·CVR_i.
                double cpe = (a.k + cfg.clickPseudo()) / (a.ek + cfg.clickPseudo() / cpePool);
                a.alpha = alpha0 + a.cLong / a.phi;
                a.beta = (alpha0 / cvrPool + a.kLong / a.phi) / cpe;
                pooledMean = cvrPool * cpe;
            } else {
                a.alpha = alpha0 + a.conv / a.phi;
                a.beta = alpha0 / a.priorMean + a.e / a.phi;
                pooledMean = a.priorMean;
            }
            if (ctx.aovPool != null) {
                a.aov = (cfg.aovPseudo() * ctx.aovPool + a.v) / (cfg.aovPseudo() + a.cv);
            }
            Prior ext = a.in.prior();
            if (ext != null) {
                double scale = Math.pow(a.typicalSpend / r, 1.0 - a.theta);
                double kExt = Double.NaN;
                if (ext.cpa() != null) {
                    kExt = scale / ext.cpa();
                } else if (ext.cvr() != null) {
                    double cpe = a.ek > 0 && funnel
                            ? (a.k + cfg.clickPseudo()) / (a.ek + cfg.clickPseudo() / cpePool)
                            : (funnel ? cpePool : Double.NaN);
                    kExt = ext.cvr() * cpe;
                } else if (ext.roas() != null && a.aov != null) {
                    kExt = ext.roas() * scale / a.aov;
                }
                if (Double.isFinite(kExt) && kExt > 0) {
                    if (a.nd < NEW_AD_SET_DAYS && pooledMean > 0) {
                        // a new ad set's calibrated outside prior replaces the pooled prior (α₀ pseudo-conversions
                        // at the pooled mean) instead of adding to it (mandate §4, "Outside prior", 0.3.0)
                        a.alpha -= alpha0;
                        a.beta -= alpha0 / pooledMean;
                    }
                    a.alpha += ext.weight();
                    a.beta += ext.weight() / kExt;
                }
            }
        }
    }

    /**
     * Day-level overdispersion: c_d ~ NB(mean μ_d, shape k), Var = μ + μ²/k. Pooled moment estimator
     * 1/k = Σ w((c − μ̂)² − μ̂) / Σ w μ̂², μ̂_d = (C_i/E_i)·e_d, clamped to [0, 2]. Each ad set's evidence is then
     * divided by φ_i = 1 + μ̄_i/k (μ̄_i its mean daily conversions), the effective-sample-size correction of a
     * Gamma–Poisson likelihood with extra-Poisson variation: days worth less when conversions are noisy.
     */
    /**
     * An ad set with fewer days of history than this is new: its outside prior, when it has one, replaces the pooled
     * prior instead of adding to it (0.3.0; the cold-start benchmark's launch window).
     */
    static final int NEW_AD_SET_DAYS = 7;

    private static void estimateDispersion(RunContext ctx, AdSetState[] arms) {
        if (!ctx.cfg.overdispersion()) {
            return;
        }
        double r = ctx.r;
        double num = 0;
        double den = 0;
        for (AdSetState a : arms) {
            if (a.nd < 3 || a.e <= 0 || a.conv <= 0) {
                continue;
            }
            double k = a.conv / a.e;
            for (int d = 0; d < a.nd; d++) {
                if (a.s[d] <= 0) {
                    continue;
                }
                double mu = k * r * Math.exp(a.theta * a.u[d]);
                double res = a.c[d] - mu;
                num += a.w[d] * (res * res - mu);
                den += a.w[d] * mu * mu;
            }
        }
        double invK = den > 0 ? Math.max(0.0, Math.min(2.0, num / den)) : 0.0;
        for (AdSetState a : arms) {
            if (a.nd > 0 && a.wDays > 0) {
                a.phi = 1.0 + invK * a.conv / a.wDays;
            }
        }
    }
}
