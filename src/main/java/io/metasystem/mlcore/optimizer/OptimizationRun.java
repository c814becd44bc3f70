package io.metasystem.mlcore.optimizer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hipparchus.distribution.continuous.GammaDistribution;

/**
 * One execution of the pipeline (evidence → θ → pooled prior → posteriors → early stop → bounds → water-filling
 * → Thompson exploration → cent rounding → Monte Carlo summaries → explanations). Ad sets are processed in id order
 * so that every floating-point sum is independent of the input order. Not thread-safe; create one per call.
 */
final class OptimizationRun {
    private static final double LN2 = Math.log(2.0);
    private static final double EPS = 1e-9;

    private enum Src { NONE, MIN, MAX, RATIO }

    /** Everything the run knows about one ad set. */
    private static final class Arm {
        final AdSetInput in;
        final int inputIndex;
        final boolean callerPaused;
        final Double current;      // null when unknown or 0
        // evidence
        int nd;
        double[] s;
        double[] c;
        double[] w;
        double[] u;                 // log(s/r), 0 when s = 0
        double[] clicks;            // NaN when unknown
        double[] rev;               // NaN when unknown
        boolean totalsOnly;
        boolean isNew;
        double rawSpend;
        double rawConv;
        double typicalSpend;
        // saturation
        SaturationEstimator.Fit fit;
        double theta;
        // exposures
        double e;                   // Σ w·r·(s/r)^θ
        double conv;                // Σ w c
        double q = 1;               // Σ w² e / Σ w e
        double phi = 1;             // negative-binomial dispersion factor 1 + μ̄/k
        double wDays;               // Σ w over days with spend
        double k;                   // Σ w clicks (days with clicks)
        double ek;                  // Σ w e (days with clicks)
        double ck;                  // Σ w c (days with clicks)
        double v;                   // Σ w revenue (days with revenue)
        double cv;                  // Σ w c (days with revenue)
        // posterior
        double priorMean;
        double alpha;
        double beta;
        Double aov;
        // decisions
        EarlyStopDecision early;
        boolean stopped;
        double lo;
        double hi;
        Src loSrc = Src.MIN;
        Src hiSrc = Src.NONE;
        boolean boundConflict;
        boolean overflowOnly;       // would be stopped, kept only to absorb what the others cannot
        double bExploit;
        double bTs;
        double b;
        // outputs
        double probBest;
        double loss;

        Arm(AdSetInput in, int inputIndex) {
            this.in = in;
            this.inputIndex = inputIndex;
            this.callerPaused = in.status() == AdSetStatus.PAUSED;
            this.current = in.currentBudget() != null && in.currentBudget() > 0 ? in.currentBudget() : null;
        }

        double mean() {
            return alpha / beta;
        }

        double sd() {
            return Math.sqrt(alpha) / beta;
        }

        boolean active() {
            return !callerPaused && !stopped;
        }
    }

    private final OptimizationProblem p;
    private final OptimizerSettings cfg;
    private final List<String> warnings = new ArrayList<>();
    private final Arm[] arms;
    private final int n;
    private final double total;
    private double r;
    private double thetaPool;
    private double kappaPool;
    private double alpha0;
    private Double aovPool;
    private boolean revenueObjective;
    private double explorationShare;

    OptimizationRun(OptimizationProblem p, OptimizerSettings cfg) {
        this.p = p;
        this.cfg = cfg;
        this.n = p.adSets().size();
        this.total = p.budget().total();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> p.adSets().get(i).id()));
        arms = new Arm[n];
        for (int k = 0; k < n; k++) {
            arms[k] = new Arm(p.adSets().get(order[k]), order[k]);
        }
    }

    OptimizationResult execute() {
        revenueObjective = p.objective() == Objective.REVENUE;
        validateRules();
        buildEvidence();
        estimateSaturation();
        computeExposures();
        buildPosteriors();
        computeBounds();
        earlyStop();
        allocate();
        return report();
    }

    // ---------------------------------------------------------------- validation and evidence

    private void validateRules() {
        BudgetRules br = p.budget();
        if (br.maxPerAdSet() != null && br.minPerAdSet() > br.maxPerAdSet() + EPS) {
            throw new InfeasibleBudgetException("budget.min_per_adset", br.minPerAdSet() - br.maxPerAdSet(),
                    String.format(Locale.ROOT, "min_per_adset %.2f exceeds max_per_adset %.2f by %.2f",
                            br.minPerAdSet(), br.maxPerAdSet(), br.minPerAdSet() - br.maxPerAdSet()));
        }
    }

    private void buildEvidence() {
        LocalDate ref = null;
        int nActive = 0;
        for (Arm a : arms) {
            if (!a.in.daily().isEmpty()) {
                LocalDate last = a.in.daily().get(a.in.daily().size() - 1).date();
                if (ref == null || last.isAfter(ref)) {
                    ref = last;
                }
            }
            if (!a.callerPaused) {
                nActive++;
            }
        }
        r = total / Math.max(1, nActive);
        double decay = LN2 / p.halfLifeDays();
        long refDay = ref == null ? 0 : ref.toEpochDay();
        double[] weightByAge = new double[64];
        for (int k = 0; k < weightByAge.length; k++) {
            weightByAge[k] = Math.exp(-decay * k);
        }
        for (Arm a : arms) {
            List<DailyMetrics> daily = a.in.daily();
            if (!daily.isEmpty()) {
                int nd = daily.size();
                a.nd = nd;
                a.s = new double[nd];
                a.c = new double[nd];
                a.w = new double[nd];
                a.clicks = new double[nd];
                a.rev = new double[nd];
                a.u = new double[nd];
                double ws = 0;
                double wDays = 0;
                for (int d = 0; d < nd; d++) {
                    DailyMetrics m = daily.get(d);
                    long age = refDay - m.date().toEpochDay();
                    a.s[d] = m.spend();
                    a.c[d] = m.conversions();
                    a.w[d] = age >= 0 && age < weightByAge.length ? weightByAge[(int) age] : Math.exp(-decay * age);
                    a.u[d] = m.spend() > 0 ? Math.log(m.spend() / r) : 0.0;
                    a.clicks[d] = m.clicks() == null ? Double.NaN : m.clicks();
                    a.rev[d] = m.revenue() == null ? Double.NaN : m.revenue();
                    a.rawSpend += m.spend();
                    a.rawConv += m.conversions();
                    if (m.spend() > 0) {
                        ws += a.w[d] * m.spend();
                        wDays += a.w[d];
                    }
                }
                a.typicalSpend = wDays > 0 ? ws / wDays : (a.current != null ? a.current : r);
            } else if (a.in.totals() != null) {
                a.totalsOnly = true;
                a.rawSpend = a.in.totals().spend();
                a.rawConv = a.in.totals().conversions();
                a.typicalSpend = a.current != null ? a.current : r;
            } else {
                a.isNew = true;
                a.typicalSpend = a.current != null ? a.current : r;
            }
        }
    }

    private void estimateSaturation() {
        double[] thetas = new double[n];
        double[] infos = new double[n];
        int m = 0;
        for (Arm a : arms) {
            if (a.nd == 0) {
                continue;
            }
            double[] u = new double[a.nd];
            double[] c = new double[a.nd];
            double[] w = new double[a.nd];
            int used = 0;
            for (int d = 0; d < a.nd; d++) {
                if (a.s[d] > 0) {
                    u[used] = a.u[d];
                    c[used] = a.c[d];
                    w[used] = a.w[d];
                    used++;
                }
            }
            a.fit = SaturationEstimator.fit(u, c, w, used, cfg.thetaDefault());
            thetas[m] = a.fit.theta();
            infos[m] = a.fit.information();
            m++;
        }
        thetaPool = SaturationEstimator.pool(thetas, infos, m, cfg.thetaDefault(), cfg.thetaDefaultWeight());
        double precision = 1.0 / (cfg.thetaPriorSd() * cfg.thetaPriorSd());
        for (Arm a : arms) {
            SaturationEstimator.Fit f = a.fit != null ? a.fit : new SaturationEstimator.Fit(thetaPool, 0.0);
            a.theta = SaturationEstimator.shrink(f, thetaPool, precision, cfg.thetaMin(), cfg.thetaMax());
        }
    }

    private void computeExposures() {
        for (Arm a : arms) {
            if (a.nd > 0) {
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
                    if (!Double.isNaN(a.clicks[d])) {
                        a.k += a.w[d] * a.clicks[d];
                        a.ek += we;
                        a.ck += wc;
                    }
                    if (!Double.isNaN(a.rev[d])) {
                        a.v += a.w[d] * a.rev[d];
                        a.cv += wc;
                    }
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

    private void buildPosteriors() {
        double sc = 0, se = 0, sk = 0, sek = 0, sck = 0, sv = 0, scv = 0;
        for (Arm a : arms) {
            sc += a.conv;
            se += a.e;
            sk += a.k;
            sek += a.ek;
            sck += a.ck;
            sv += a.v;
            scv += a.cv;
        }
        if (sc > 0 && se > 0) {
            kappaPool = sc / se;
        } else {
            Double cpa = p.targets().cpa();
            if (cpa != null) {
                kappaPool = 1.0 / cpa;
            } else if (se > 0) {
                kappaPool = 1.0 / se;
            } else {
                kappaPool = 1.0 / total;
            }
            warnings.add("no conversions in the history: the pooled prior is a placeholder ("
                    + (cpa != null ? "target CPA" : "one conversion per total spend")
                    + "), expected conversions are not informative");
        }
        aovPool = sv > 0 && scv > 0 ? sv / scv : null;
        if (revenueObjective) {
            if (aovPool == null) {
                warnings.add("objective REVENUE but no revenue data: allocating for conversions");
            }
        }
        estimateDispersion();
        boolean funnel = cfg.useFunnel() && sk > 0 && sck > 0 && sek > 0;
        double cvrPool = funnel ? sck / sk : 0;
        double cpePool = funnel ? sk / sek : 0;
        // method of moments on z_i = C_i / (m_i E_i): E[n_i (z_i − 1)²] = n_i V + q_i
        double num = 0;
        double den = 0;
        int count = 0;
        for (Arm a : arms) {
            a.priorMean = funnel && a.ek > 0
                    ? cvrPool * (a.k + cfg.clickPseudo()) / (a.ek + cfg.clickPseudo() / cpePool)
                    : kappaPool;
            if (a.e > 0) {
                double ni = a.priorMean * a.e;
                double z = a.conv / ni;
                num += ni * (z - 1) * (z - 1) - a.phi * a.q;
                den += ni;
                count++;
            }
        }
        if (count >= 2 && den > 0) {
            double var = num / den;
            alpha0 = var > 0 ? Math.max(cfg.priorShapeMin(), Math.min(cfg.priorShapeMax(), 1.0 / var))
                    : cfg.priorShapeMax();
        } else {
            alpha0 = cfg.priorShapeDefault();
        }
        for (Arm a : arms) {
            a.alpha = alpha0 + a.conv / a.phi;
            a.beta = alpha0 / a.priorMean + a.e / a.phi;
            if (aovPool != null) {
                a.aov = (cfg.aovPseudo() * aovPool + a.v) / (cfg.aovPseudo() + a.cv);
            }
            Prior ext = a.in.prior();
            if (ext != null) {
                double scale = Math.pow(a.typicalSpend / r, 1.0 - a.theta);
                double kExt = Double.NaN;
                if (ext.cpa() != null) {
                    kExt = scale / ext.cpa();
                } else if (ext.cvr() != null) {
                    double cpe = a.ek > 0 && funnel ? (a.k + cfg.clickPseudo()) / (a.ek + cfg.clickPseudo() / cpePool)
                            : (funnel ? cpePool : Double.NaN);
                    kExt = ext.cvr() * cpe;
                } else if (ext.roas() != null && a.aov != null) {
                    kExt = ext.roas() * scale / a.aov;
                }
                if (Double.isFinite(kExt) && kExt > 0) {
                    a.alpha += ext.weight();
                    a.beta += ext.weight() / kExt;
                }
            }
        }
    }

    /** a_i of v_i(b) = a_i·b^θ_i: (E[κ] − λ·SD[κ])⁺ · r^{1−θ} · value per conversion. */
    private double exploitCoefficient(Arm a) {
        double lambda = p.riskAversion();
        return Math.max(0.0, (a.alpha - lambda * Math.sqrt(a.alpha)) / a.beta) * Math.pow(r, 1 - a.theta)
                * valueScale(a);
    }

    /**
     * Day-level overdispersion: c_d ~ NB(mean μ_d, shape k), Var = μ + μ²/k. Pooled moment estimator
     * 1/k = Σ w((c − μ̂)² − μ̂) / Σ w μ̂², μ̂_d = (C_i/E_i)·e_d, clamped to [0, 2]. Each ad set's evidence is then
     * divided by φ_i = 1 + μ̄_i/k (μ̄_i its mean daily conversions), the effective-sample-size correction of a
     * Gamma–Poisson likelihood with extra-Poisson variation: days worth less when conversions are noisy.
     */
    private void estimateDispersion() {
        if (!cfg.overdispersion()) {
            return;
        }
        double num = 0;
        double den = 0;
        for (Arm a : arms) {
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
        for (Arm a : arms) {
            if (a.nd > 0 && a.wDays > 0) {
                a.phi = 1.0 + invK * a.conv / a.wDays;
            }
        }
    }

    private double valueScale(Arm a) {
        if (revenueObjective && aovPool != null) {
            return a.aov;
        }
        return 1.0;
    }

    // ---------------------------------------------------------------- early stop

    private void earlyStop() {
        EarlyStopRules rules = p.earlyStop();
        Targets t = p.targets();
        boolean roasRule = revenueObjective && t.roas() != null && aovPool != null;
        boolean cpaRule = !roasRule && t.cpa() != null;
        for (Arm a : arms) {
            if (a.callerPaused) {
                a.early = new EarlyStopDecision(false, null, "paused by caller");
                continue;
            }
            if (!roasRule && !cpaRule) {
                a.early = new EarlyStopDecision(false, null, "no target " + (revenueObjective ? "ROAS or CPA" : "CPA")
                        + ": early stop not evaluated");
                continue;
            }
            // own operating point: CPA(s̄) = (s̄/r)^{1−θ}/κ, ROAS(s̄) = κ·aov·(s̄/r)^{θ−1}
            double scale = Math.pow(a.typicalSpend / r, 1.0 - a.theta);
            double prob;
            double needSpend;
            String what;
            if (roasRule) {
                prob = Distributions.gammaCdfFast(a.alpha, a.beta, t.roas() * scale / a.aov);
                needSpend = rules.minSpendMultiple() * aovPool / t.roas();
                what = "P(ROAS < " + Fmt.d2(t.roas()) + ") = " + Fmt.d2(prob);
            } else {
                prob = Distributions.gammaCdfFast(a.alpha, a.beta, scale / t.cpa());
                needSpend = rules.minSpendMultiple() * t.cpa();
                what = "P(CPA > " + money(t.cpa()) + ") = " + Fmt.d2(prob);
            }
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
                reason = what + "; not judged before " + money(needSpend) + " spent (" + Fmt.d1(a.rawSpend)
                        + " so far)";
            } else {
                reason = what + " < " + Fmt.d2(rules.confidence()) + ": keep";
            }
            a.early = new EarlyStopDecision(false, prob, reason);
        }
        applyStops(rules);
    }

    /**
     * Confirms early stops, most certain loser first (ties by id), as long as the ad sets still funded can absorb
     * the total under their ceilings. A loser whose pause would leave budget unspendable is kept, marked
     * overflow-only: its value coefficient is set to 0 so it receives only what the others cannot absorb.
     */
    private void applyStops(EarlyStopRules rules) {
        List<Arm> candidates = new ArrayList<>();
        double capacity = 0;
        for (Arm a : arms) {
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
            Arm a = arms[i];
            coef[i] = exploitCoefficient(a);
            th[i] = a.theta;
            lo[i] = a.callerPaused ? 0 : p.budget().minPerAdSet();
            hi[i] = a.callerPaused ? 0 : Math.min(total, p.budget().maxPerAdSet() == null ? total
                    : p.budget().maxPerAdSet());
            sumHi += hi[i];
        }
        double[] heading = WaterFilling.solve(coef, th, lo, hi, Math.min(total, sumHi));
        double starve = Math.max(p.budget().minPerAdSet(), cfg.starvedShare() * r) + 1e-9;
        for (int i = 0; i < n; i++) {
            Arm a = arms[i];
            if (a.stopped && heading[i] > starve) {
                a.stopped = false;
                a.early = new EarlyStopDecision(false, a.early.probabilityAboveTarget(), String.format(Locale.ROOT,
                        "%s >= %.2f, but the allocation still funds it at %s (more than %.0f %% of the equal "
                                + "share): not paused", a.early.reason(), rules.confidence(), money(heading[i]),
                        100 * cfg.starvedShare()));
                candidates.remove(a);
            }
        }
        candidates.sort(Comparator.comparingDouble((Arm a) -> -a.early.probabilityAboveTarget()));
        for (Arm a : candidates) {
            String what = a.early.reason();
            double prob = a.early.probabilityAboveTarget();
            double remaining = capacity - Math.min(a.hi, total);
            if (remaining >= total - 1e-9 * total) {
                capacity = remaining;
                a.lo = 0;
                a.hi = 0;
                a.early = new EarlyStopDecision(true, prob, "early stop: " + what + " >= "
                        + Fmt.d2(rules.confidence()) + " after " + money(a.rawSpend) + " spent");
            } else {
                a.stopped = false;
                a.overflowOnly = true;
                a.early = new EarlyStopDecision(false, prob, String.format(Locale.ROOT,
                        "%s >= %.2f, but the other ad sets' caps cannot absorb its budget: kept, funded only with "
                                + "what they cannot take", what, rules.confidence()));
                warnings.add(a.in.id() + ": would be stopped early, kept because the remaining caps cannot absorb "
                        + "the budget");
            }
        }
    }

    // ---------------------------------------------------------------- bounds and feasibility

    private void computeBounds() {
        BudgetRules br = p.budget();
        double min = br.minPerAdSet();
        Double max = br.maxPerAdSet();
        Double ratio = br.maxChangeRatio();
        int callerActive = 0;
        double sumLo = 0;
        double sumHi = 0;
        for (Arm a : arms) {
            if (a.callerPaused) {
                a.lo = 0;
                a.hi = 0;
                continue;
            }
            callerActive++;
            a.lo = min;
            a.loSrc = Src.MIN;
            a.hi = max != null ? max : Double.POSITIVE_INFINITY;
            a.hiSrc = max != null ? Src.MAX : Src.NONE;
            if (ratio != null && a.current != null) {
                double cl = Math.max(0.0, a.current * (1 - ratio));
                double ch = a.current * (1 + ratio);
                if (cl > a.lo) {
                    a.lo = cl;
                    a.loSrc = Src.RATIO;
                }
                if (ch < a.hi) {
                    a.hi = ch;
                    a.hiSrc = Src.RATIO;
                }
                if (a.lo > a.hi) {
                    a.boundConflict = true;
                    if (max != null && cl > max) {
                        a.lo = max;
                        a.hi = max;
                        a.loSrc = Src.MAX;
                        a.hiSrc = Src.MAX;
                    } else {
                        a.lo = min;
                        a.hi = min;
                        a.loSrc = Src.MIN;
                        a.hiSrc = Src.MIN;
                    }
                }
            }
            sumLo += a.lo;
            sumHi += a.hi;
        }
        if (callerActive == 0) {
            return;
        }
        double tol = 1e-9 * total + 1e-9;
        if (sumLo > total + tol) {
            double minNeed = min * callerActive;
            if (minNeed > total + tol) {
                throw new InfeasibleBudgetException("budget.min_per_adset", minNeed - total, String.format(Locale.ROOT,
                        "%d ad sets × min_per_adset %.2f = %.2f exceeds the total %.2f by %.2f",
                        callerActive, min, minNeed, total, minNeed - total));
            }
            throw new InfeasibleBudgetException("budget.max_change_ratio", sumLo - total, String.format(Locale.ROOT,
                    "budgets may fall at most %.2f %% from current: the floors sum to %.2f, above the total %.2f by %.2f",
                    100 * ratio, sumLo, total, sumLo - total));
        }
        if (sumHi < total - tol) {
            if (max != null && max * callerActive < total - tol) {
                double gap = total - max * callerActive;
                throw new InfeasibleBudgetException("budget.max_per_adset", gap, String.format(Locale.ROOT,
                        "%d ad sets × max_per_adset %.2f = %.2f cannot absorb the total %.2f (short by %.2f)",
                        callerActive, max, max * callerActive, total, gap));
            }
            throw new InfeasibleBudgetException("budget.max_change_ratio", total - sumHi, String.format(Locale.ROOT,
                    "budgets may rise at most %.2f %% from current: the ceilings sum to %.2f, below the total %.2f by %.2f",
                    100 * ratio, sumHi, total, total - sumHi));
        }
        for (Arm a : arms) {
            if (a.boundConflict) {
                warnings.add(String.format(Locale.ROOT,
                        "%s: max_change_ratio conflicts with min/max_per_adset; moved to %.2f", a.in.id(), a.lo));
            }
        }
    }

    // ---------------------------------------------------------------- allocation

    private void allocate() {
        double lambda = p.riskAversion();
        double[] coefExploit = new double[n];
        double[] coefTs = new double[n];
        double[] theta = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double sumHi = 0;
        int live = 0;
        for (int i = 0; i < n; i++) {
            Arm a = arms[i];
            double curve = Math.pow(r, 1 - a.theta) * valueScale(a);
            coefExploit[i] = a.overflowOnly ? 0.0 : exploitCoefficient(a);
            RandomStreams.Stream st = new RandomStreams.Stream(
                    RandomStreams.streamSeed(p.seed(), a.in.id(), RandomStreams.PURPOSE_THOMPSON));
            coefTs[i] = a.overflowOnly ? 0.0 : Distributions.gammaQuantile(a.alpha, a.beta, st.nextNormal()) * curve;
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
            warnings.add("every ad set is paused: nothing allocated");
            target = 0;
        } else if (live == 0) {
            warnings.add(String.format(Locale.ROOT,
                    "every active ad set was stopped early: %s unspent", money(total)));
            target = 0;
        } else if (target < total - 0.005) {
            warnings.add(String.format(Locale.ROOT,
                    "%s unspent: after early stops the remaining ad sets' caps absorb only %s",
                    money(total - target), money(target)));
        }
        double[] bx = target > 0 ? WaterFilling.solve(coefExploit, theta, lo, hi, target) : new double[n];
        // exploration share
        if (p.budget().explorationShare() != null) {
            explorationShare = p.budget().explorationShare();
        } else {
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                num += bx[i] / Math.sqrt(arms[i].alpha);
                den += bx[i];
            }
            double cv = den > 0 ? num / den : 0;
            explorationShare = Math.min(cfg.explorationCap(), cfg.explorationScale() * cv);
        }
        double[] bt = target > 0 && explorationShare > 0
                ? WaterFilling.solve(coefTs, theta, lo, hi, target) : bx;
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            arms[i].bExploit = bx[i];
            arms[i].bTs = bt[i];
            mix[i] = WaterFilling.clamp((1 - explorationShare) * bx[i] + explorationShare * bt[i], lo[i], hi[i]);
        }
        long[] cents = target > 0 ? CentRounding.round(mix, lo, hi, target) : new long[n];
        for (int i = 0; i < n; i++) {
            arms[i].b = cents[i] / 100.0;
        }
        monteCarlo();
    }

    /**
     * probabilityBest and expectedLoss from M joint posterior draws (M adaptive to n, see the mandate).
     * "Best" in a draw = the funded ad set with the highest value per unit of spend at the common reference spend
     * r, i.e. the highest κ_j·scale_j (conversions, or revenue for REVENUE, per currency unit at equal spend).
     * Loss of ad set i in a draw = what its budget b_i would have earned on the best ad set's curve minus what it
     * earns on its own: max(0, κ_best·f_best(b_i) − κ_i·f_i(b_i)), f(b) = r·(b/r)^θ; expectedLoss is the mean.
     */
    private void monteCarlo() {
        int funded = 0;
        for (Arm a : arms) {
            if (a.b > 0) {
                funded++;
            }
        }
        if (funded == 0) {
            return;
        }
        int draws = Math.max(cfg.minDraws(), Math.min(cfg.maxDraws(), (cfg.drawBudget() + funded - 1) / funded));
        Arm[] f = new Arm[funded];
        double[][] val = new double[funded][draws];
        int j = 0;
        for (Arm a : arms) {
            if (a.b <= 0) {
                continue;
            }
            f[j] = a;
            RandomStreams.Stream st = new RandomStreams.Stream(
                    RandomStreams.streamSeed(p.seed(), a.in.id(), RandomStreams.PURPOSE_MONTE_CARLO));
            double scale = valueScale(a);
            for (int m = 0; m < draws; m++) {
                val[j][m] = Distributions.gammaQuantile(a.alpha, a.beta, st.nextNormal()) * scale;
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
        for (int m = 0; m < draws; m++) {
            int arg = 0;
            double top = val[0][m];
            for (int i = 1; i < funded; i++) {
                if (val[i][m] > top) {
                    top = val[i][m];
                    arg = i;
                }
            }
            best[arg]++;
            double thetaBest = f[arg].theta;
            for (int i = 0; i < funded; i++) {
                if (i != arg) {
                    double onBest = top * r * Math.exp(thetaBest * logRel[i]);
                    loss[i] += Math.max(0.0, onBest - val[i][m] * curveOwn[i]);
                }
            }
        }
        for (int i = 0; i < funded; i++) {
            f[i].probBest = (double) best[i] / draws;
            f[i].loss = loss[i] / draws;
        }
    }

    // ---------------------------------------------------------------- report

    private OptimizationResult report() {
        double lambda = p.riskAversion();
        AdSetRecommendation[] recs = new AdSetRecommendation[n];
        double allocated = 0;
        double conv = 0;
        double var = 0;
        double revenue = 0;
        double risk = 0;
        List<String> thin = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        Targets t = p.targets();
        for (Arm a : arms) {
            double b = a.b;
            double f = b > 0 ? r * Math.exp(a.theta * Math.log(b / r)) : 0.0;
            double ec = a.mean() * f;
            double scale = valueScale(a);
            double er = a.aov != null ? ec * a.aov : 0.0;
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
            risk += lambda * a.sd() * f * scale;
            if (a.active() && a.conv < cfg.thinConversions()) {
                thin.add(a.in.id());
            }
            Action action = action(a);
            List<String> reasons = reasons(a, cpa, ci, marginal, t, capped);
            PosteriorSummary post = new PosteriorSummary(a.alpha, a.beta, a.mean(), a.e, a.conv, a.theta, a.aov);
            recs[a.inputIndex] = new AdSetRecommendation(a.in.id(), a.in.name(), action, b, a.in.currentBudget(),
                    ec, er, cpa, ci, a.probBest, finite(a.loss), marginal, a.early, post, reasons);
        }
        if (!thin.isEmpty()) {
            warnings.add(String.format(Locale.ROOT, "thin data (< %.0f decay-weighted conversions), prior-dominated: %s",
                    cfg.thinConversions(), abbreviate(thin)));
        }
        if (!capped.isEmpty()) {
            warnings.add("binding caps: " + abbreviate(capped));
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
        AllocationSummary summary = new AllocationSummary(total, allocated, conv, convInterval, revenue,
                allocated > 0 && conv > 0 ? allocated / conv : null, finite(risk), explorationShare * allocated);
        return new OptimizationResult(Arrays.asList(recs), summary, warnings, BudgetOptimizer.METHOD,
                BudgetOptimizer.VERSION);
    }

    private Action action(Arm a) {
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

    private List<String> reasons(Arm a, Double cpa, Interval ci, Double marginal, Targets t, List<String> capped) {
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
            out.add("CPA " + money(cpa) + ciText + vs + " at " + money(a.b) + "/day");
        }
        BudgetRules br = p.budget();
        double b = a.b;
        if (b >= a.hi - 0.005 && a.hi > 0) {
            if (a.hiSrc == Src.RATIO) {
                out.add("capped by max_change_ratio " + Fmt.d2(br.maxChangeRatio()) + " (at most " + money(a.hi) + ")");
                capped.add(a.in.id());
            } else if (a.hiSrc == Src.MAX) {
                out.add("capped by max_per_adset " + money(a.hi));
                capped.add(a.in.id());
            }
        } else if (b <= a.lo + 0.005 && a.lo > 0) {
            if (a.loSrc == Src.RATIO) {
                out.add("held up by max_change_ratio " + Fmt.d2(br.maxChangeRatio()) + " (at least " + money(a.lo)
                        + ")");
                capped.add(a.in.id());
            } else {
                out.add("at min_per_adset " + money(a.lo));
            }
        }
        if (a.isNew) {
            out.add("new ad set: exploration budget " + money(explorationShare * a.bTs)
                    + " (prior-only posterior)");
        } else if (explorationShare > 0 && b > 0) {
            out.add("exploration share " + Fmt.d0(100 * explorationShare) + " %: " + money(explorationShare * a.bTs)
                    + " of this budget from Thompson sampling");
        }
        if (marginal != null && (a.isNew || out.size() < 3)) {
            out.add("marginal CPA " + money(marginal) + " for the next unit of budget");
        }
        if (!a.isNew && a.conv < cfg.thinConversions()) {
            out.add("thin data: " + Fmt.d1(a.conv) + " decay-weighted conversions, prior strength " + Fmt.d1(alpha0));
        }
        out.add("saturation θ = " + Fmt.d2(a.theta) + " (pooled " + Fmt.d2(thetaPool) + ", own-data information "
                + Fmt.d1(a.fit != null ? a.fit.information() : 0.0) + ")");
        if (a.early != null && a.early.probabilityAboveTarget() != null && a.early.probabilityAboveTarget() >= 0.5) {
            out.add(a.early.reason());
        }
        return out;
    }

    private String money(double x) {
        return p.currency() == null ? Fmt.d2(x) : Fmt.d2(x) + " " + p.currency();
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
