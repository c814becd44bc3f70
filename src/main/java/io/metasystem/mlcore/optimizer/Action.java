package io.metasystem.mlcore.optimizer;

/** What the recommendation asks the marketer to do with an ad set's daily budget. */
public enum Action {
    INCREASE,
    DECREASE,
    HOLD,
    PAUSE
}
