package io.metasystem.mlcore.simulation;

/**
 * The ceiling: knows today's true expected curves and maximises expected conversions within bounds and change
 * caps by water-filling ({@link Allocations#waterFill}). Myopic (ignores that spending today fatigues creatives).
 */
public final class ClairvoyantPolicy implements Policy {
    @Override
    public String name() {
        return "clairvoyant";
    }

    @Override
    public boolean clairvoyant() {
        return true;
    }

    @Override
    public double[] allocate(PolicyContext context) {
        if (context.oracle() == null) {
            throw new IllegalStateException("the clairvoyant policy needs the oracle");
        }
        ConcaveCurve[] curves = context.oracle().toArray(new ConcaveCurve[0]);
        BudgetConstraints.Box box = context.box();
        return Allocations.waterFill(
                curves, box.lower(), box.upper(), context.constraints().total());
    }
}
