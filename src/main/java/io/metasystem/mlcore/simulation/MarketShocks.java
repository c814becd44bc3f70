package io.metasystem.mlcore.simulation;

import java.util.Collections;
import java.util.List;

/**
 * The hidden events of one scenario in the harder market ({@link MarketFamily#HARD}): an abrupt CPM jump on some
 * ad sets, a creative that dies, weekday competition per ad set, frequency-dependent fatigue and new creatives
 * replacing old ones. {@link #NONE} (the default market) changes nothing.
 *
 * @param cpmJumpDay first scored day of the CPM jump, {@link Integer#MAX_VALUE} when none
 * @param adSets     events per ad set, aligned with {@link MarketScenario#adSets()}; empty for {@link #NONE}
 */
public record MarketShocks(int cpmJumpDay, List<AdSetShocks> adSets) {
    /** The default market: no events. */
    public static final MarketShocks NONE = new MarketShocks(Integer.MAX_VALUE, Collections.emptyList());

    public MarketShocks {
        adSets = List.copyOf(adSets);
    }

    /** Events of ad set {@code i}, {@link AdSetShocks#NONE} when the scenario has none. */
    public AdSetShocks of(int i) {
        return adSets.isEmpty() ? AdSetShocks.NONE : adSets.get(i);
    }

    /** True on the day ad set {@code i}'s creative is replaced: its fatigue starts afresh. */
    public boolean freshCreative(int i, int day) {
        return of(i).replaceDay() == day;
    }
}
