package io.metasystem.mlcore.simulation;

/**
 * Budget ∝ past conversions per unit of spend over the whole observed history, smoothed with one pseudo-conversion
 * at the account's pooled CPA ({@code (C_i + 1) / (S_i + pooledCpa)}) so new ad sets get the account average.
 */
final class ProportionalPolicy implements Policy {
    @Override
    public String name() {
        return "proportional";
    }

    @Override
    public double[] allocate(PolicyContext context) {
        int n = context.adSets().size();
        double pooled = pooledCpa(context);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            AdSetView a = context.adSets().get(i);
            w[i] = a.active() ? (a.conversions(0) + 1) / (a.spend(0) + pooled) : 0;
        }
        BudgetConstraints.Box box = context.box();
        return Allocations.fit(
                w, box.lower(), box.upper(), context.constraints().total());
    }

    /** Σ spend / Σ conversions over all ad sets, or the target CPA when nothing converted yet. */
    static double pooledCpa(PolicyContext context) {
        double s = 0;
        double c = 0;
        for (AdSetView a : context.adSets()) {
            s += a.spend(0);
            c += a.conversions(0);
        }
        return c > 0 && s > 0 ? s / c : context.constraints().targetCpa();
    }
}
