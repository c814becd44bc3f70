package io.metasystem.mlcore.optimizer;

/** Delivery status of an ad set as the caller reports it. A PAUSED ad set is never funded. */
public enum AdSetStatus {
    ACTIVE,
    PAUSED
}
