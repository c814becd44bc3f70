package io.metasystem.mlcore.optimizer;

/**
 * The early-stop verdict on one ad set.
 *
 * @param stop                     true when the ad set is paused as a loser
 * @param probabilityAboveTarget   posterior P(CPA &gt; target CPA) (or P(ROAS &lt; target ROAS) for the revenue
 *                                 objective); null when no target was given
 * @param reason                   one human-readable sentence
 */
public record EarlyStopDecision(boolean stop, Double probabilityAboveTarget, String reason) {}
