package io.metasystem.mlcore.simulation;

/** Which synthetic market a {@link ScenarioGenerator} draws (CLI {@code backtest --market}). */
public enum MarketFamily {
    /** The calibrated market of docs/simulation.md: smooth curves, weekly season, impression-count fatigue. */
    DEFAULT,
    /**
     * The default market plus abrupt events drawn from a separate random stream (the default draws are unchanged):
     * a CPM jump on some ad sets, a creative that dies, weekday competition per ad set, frequency-dependent fatigue
     * and creative replacement (docs/simulation.md, "Harder market").
     */
    HARD
}
