package io.metasystem.mlcore.optimizer;

/** What the allocation maximises: expected conversions, or expected revenue (conversion value). */
public enum Objective {
    CONVERSIONS,
    REVENUE
}
