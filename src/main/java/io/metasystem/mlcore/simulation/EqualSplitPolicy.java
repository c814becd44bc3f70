package io.metasystem.mlcore.simulation;

/** Splits the total equally over ACTIVE ad sets (as far as bounds and change caps allow). */
final class EqualSplitPolicy implements Policy {
    @Override
    public String name() {
        return "equal-split";
    }

    @Override
    public double[] allocate(PolicyContext context) {
        boolean[] active = context.activeMask();
        double[] w = new double[active.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = active[i] ? 1 : 0;
        }
        BudgetConstraints.Box box = context.box();
        return Allocations.fit(
                w, box.lower(), box.upper(), context.constraints().total());
    }
}
