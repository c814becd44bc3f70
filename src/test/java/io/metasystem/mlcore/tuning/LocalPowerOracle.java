package io.metasystem.mlcore.tuning;

import io.metasystem.mlcore.simulation.Allocations;
import io.metasystem.mlcore.simulation.BudgetConstraints;
import io.metasystem.mlcore.simulation.ConcaveCurve;
import io.metasystem.mlcore.simulation.Policy;
import io.metasystem.mlcore.simulation.PolicyContext;
import io.metasystem.mlcore.simulation.ResponseCurve;

/**
 * Regret decomposition helper (not a test): knows today's true curves but, like the engine, plans with a power
 * curve a·b^θ matched to the true curve's value and slope at yesterday's budget (θ = local elasticity, optionally
 * clamped or fixed). Its gap to the clairvoyant policy is the cost of the power-curve family alone (curvature
 * misfit) with perfect knowledge of the level.
 */
final class LocalPowerOracle implements Policy {
    private final String name;
    private final double thetaMin;
    private final double thetaMax;
    private final double fixedTheta; // NaN = local elasticity

    LocalPowerOracle(String name, double thetaMin, double thetaMax, double fixedTheta) {
        this.name = name;
        this.thetaMin = thetaMin;
        this.thetaMax = thetaMax;
        this.fixedTheta = fixedTheta;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean clairvoyant() {
        return true;
    }

    @Override
    public double[] allocate(PolicyContext context) {
        int n = context.adSets().size();
        double[] prev = context.previous();
        boolean[] active = context.activeMask();
        int live = 0;
        for (boolean b : active) {
            live += b ? 1 : 0;
        }
        double equal = context.constraints().total() / Math.max(1, live);
        ConcaveCurve[] curves = new ConcaveCurve[n];
        for (int i = 0; i < n; i++) {
            ResponseCurve truth = context.oracle().get(i);
            double b0 = prev[i] > 0 ? prev[i] : equal;
            double v0 = truth.value(b0);
            double th = Double.isNaN(fixedTheta) ? truth.slope(b0) * b0 / v0 : fixedTheta;
            th = Math.max(thetaMin, Math.min(thetaMax, th));
            double theta = th;
            double a = v0 / Math.pow(b0, theta);
            curves[i] = new ConcaveCurve() {
                @Override
                public double value(double b) {
                    return b <= 0 ? 0 : a * Math.pow(b, theta);
                }

                @Override
                public double slope(double b) {
                    return b <= 0 ? Double.POSITIVE_INFINITY : a * theta * Math.pow(b, theta - 1);
                }
            };
        }
        BudgetConstraints.Box box = context.box();
        return Allocations.waterFill(
                curves, box.lower(), box.upper(), context.constraints().total());
    }
}
