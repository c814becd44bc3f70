package io.metasystem.mlcore.optimizer;

/**
 * What the allocation maximises: expected conversions, expected revenue (order value learned from the revenue
 * data), or expected value (conversions × the caller's {@link AdSetInput#value()} per conversion, mandate §5.4).
 */
public enum Objective {
    CONVERSIONS,
    REVENUE,
    VALUE
}
