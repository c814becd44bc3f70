package io.metasystem.mlcore.simulation;

/**
 * A daily budget-allocation rule. Implementations are stateless and thread-safe: everything they know comes from
 * the {@link PolicyContext} (the day, the rules and the full observed history), so one instance serves all
 * scenarios in parallel.
 */
public interface Policy {
    /** Short stable name used in tables, CSV and plots. */
    String name();

    /**
     * Today's budgets, aligned with {@link PolicyContext#adSets()}, currency per day. PAUSED ad sets must get 0.
     * A 0 for an ACTIVE ad set pauses it for good (the harness reports it PAUSED from tomorrow on).
     */
    double[] allocate(PolicyContext context);

    /** True only for the clairvoyant benchmark, which receives the true curves in {@link PolicyContext#oracle()}. */
    default boolean clairvoyant() {
        return false;
    }
}
