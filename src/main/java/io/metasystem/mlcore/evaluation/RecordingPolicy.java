package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.simulation.Policy;
import io.metasystem.mlcore.simulation.PolicyContext;

import java.util.List;

/**
 * Passes allocations through and remembers the budgets given to some ad sets, per day. One instance per
 * (policy, scenario) run: it is stateful, unlike the policies it wraps.
 */
final class RecordingPolicy implements Policy {
    private final Policy delegate;
    private final List<String> watched;
    private final double[][] budgets;

    /** @param watched ids to record; {@link #budgets()}{@code [day][k]} is the budget of {@code watched.get(k)} */
    RecordingPolicy(Policy delegate, List<String> watched, int days) {
        this.delegate = delegate;
        this.watched = List.copyOf(watched);
        this.budgets = new double[days][watched.size()];
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean clairvoyant() {
        return delegate.clairvoyant();
    }

    @Override
    public double[] allocate(PolicyContext context) {
        double[] b = delegate.allocate(context);
        if (b != null && b.length == context.adSets().size()) {
            for (int j = 0; j < b.length; j++) {
                int k = watched.indexOf(context.adSets().get(j).id());
                if (k >= 0 && b[j] > 0 && Double.isFinite(b[j])) {
                    budgets[context.day()][k] = b[j];
                }
            }
        }
        return b;
    }

    double[][] budgets() {
        return budgets;
    }
}
