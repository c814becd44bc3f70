package io.metasystem.mlcore.simulation;

/**
 * Ads-Manager-style automated rules, evaluated daily on the last 7 days: when the ad set has spent at least one
 * target CPA, raise its budget 20 % if its CPA is below target and cut it 20 % if above; pause it when it has
 * spent at least 2× target CPA at a CPA above 2× target (zero conversions count as infinite CPA). At least two
 * ad sets are kept and pausing never makes the remaining bounds unable to absorb the total. The result is
 * rescaled to the total within bounds and change caps. New ad sets start at the equal share.
 */
final class MetaRulesPolicy implements Policy {
    static final int WINDOW_DAYS = 7;
    static final double STEP = 0.20;

    @Override
    public String name() {
        return "meta-rules";
    }

    @Override
    public double[] allocate(PolicyContext context) {
        int n = context.adSets().size();
        BudgetConstraints rules = context.constraints();
        double target = rules.targetCpa();
        boolean[] funded = context.activeMask();
        double[] prev = context.previous();
        int active = 0;
        for (boolean f : funded) {
            active += f ? 1 : 0;
        }
        double equalShare = rules.total() / Math.max(1, active);
        double[] desired = new double[n];
        double[] cpa = new double[n];
        for (int i = 0; i < n; i++) {
            AdSetView a = context.adSets().get(i);
            cpa[i] = Double.NaN;
            if (!funded[i]) {
                continue;
            }
            double base = prev[i] > 0 ? prev[i] : equalShare;
            desired[i] = base;
            double s = a.spend(WINDOW_DAYS);
            double c = a.conversions(WINDOW_DAYS);
            if (s >= target) {
                cpa[i] = c > 0 ? s / c : Double.POSITIVE_INFINITY;
                if (cpa[i] < target) {
                    desired[i] = base * (1 + STEP);
                } else if (cpa[i] > target) {
                    desired[i] = base * (1 - STEP);
                }
            }
        }
        // pause the worst first while it stays feasible
        while (true) {
            int worst = -1;
            for (int i = 0; i < n; i++) {
                AdSetView a = context.adSets().get(i);
                if (funded[i]
                        && cpa[i] > 2 * target
                        && a.spend(WINDOW_DAYS) >= 2 * target
                        && (worst < 0 || cpa[i] > cpa[worst])) {
                    worst = i;
                }
            }
            if (worst < 0 || active <= 2) {
                break;
            }
            funded[worst] = false;
            if (rules.box(prev, funded).sumUpper() < rules.total()) {
                funded[worst] = true;
                break;
            }
            cpa[worst] = Double.NaN;
            desired[worst] = 0;
            active--;
        }
        BudgetConstraints.Box box = rules.box(prev, funded);
        return Allocations.fit(desired, box.lower(), box.upper(), rules.total());
    }
}
