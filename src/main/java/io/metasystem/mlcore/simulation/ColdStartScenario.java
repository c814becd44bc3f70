package io.metasystem.mlcore.simulation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * An account in which several new ad sets launch mid-flight next to established ones, with the targeting attributes
 * of every ad set. Built by {@link ColdStartScenarioGenerator}.
 *
 * @param scenario   the market (truth, rules, calendar); the new ad sets have {@code startDay == launchDay}
 * @param attributes attributes of every ad set, by ad-set id
 * @param newAdSets  ids of the ad sets that launch on {@code launchDay} with no history
 * @param launchDay  scored day on which the new ad sets start (&ge; 1)
 */
public record ColdStartScenario(
        MarketScenario scenario, Map<String, SyntheticAdSetTraits> attributes, Set<String> newAdSets, int launchDay) {
    public ColdStartScenario {
        attributes = Map.copyOf(attributes);
        newAdSets = Set.copyOf(newAdSets);
        for (AdSetTruth a : scenario.adSets()) {
            if (!attributes.containsKey(a.id())) {
                throw new IllegalArgumentException("attributes: missing ad set " + a.id());
            }
        }
    }

    /** Indices (into {@code scenario.adSets()}) of the new ad sets. */
    public List<Integer> newIndices() {
        List<AdSetTruth> adSets = scenario.adSets();
        return IntStream.range(0, adSets.size())
                .filter(i -> newAdSets.contains(adSets.get(i).id()))
                .boxed()
                .toList();
    }
}
