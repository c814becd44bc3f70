package io.metasystem.mlcore.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Targeting facts of a synthetic ad set that an advertiser knows before it spends: who it targets, where it runs and
 * what it shows, and optionally what vision reads from its creatives. In cold-start scenarios they drive part of the
 * true rates ({@link AttributeEffects}, {@link CreativeEffects}).
 *
 * @param audience         one of {@link AttributeEffects#AUDIENCES}
 * @param placement        one of {@link AttributeEffects#PLACEMENTS}
 * @param creative         one of {@link AttributeEffects#CREATIVES}
 * @param creativeFeatures {@code creative_*} attribute → level as vision stores them ({@link CreativeEffects#LEVELS}),
 *     in {@link CreativeEffects#FEATURES} order; empty when the ad set's creatives were not analysed
 */
public record SyntheticAdSetTraits(
        String audience, String placement, String creative, Map<String, String> creativeFeatures) {
    /** Attribute names, in the order used as the hierarchy of the empirical-Bayes model. */
    public static final List<String> NAMES = List.of("audience", "placement", "creative");

    public SyntheticAdSetTraits {
        check("audience", audience, AttributeEffects.AUDIENCES);
        check("placement", placement, AttributeEffects.PLACEMENTS);
        check("creative", creative, AttributeEffects.CREATIVES);
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String feature : CreativeEffects.FEATURES) {
            String level = creativeFeatures.get(feature);
            if (level != null) {
                check(feature, level, CreativeEffects.LEVELS.get(feature));
                ordered.put(feature, level);
            }
        }
        if (ordered.size() != creativeFeatures.size()) {
            throw new IllegalArgumentException("creative features must be among " + CreativeEffects.FEATURES + ", were "
                    + creativeFeatures.keySet());
        }
        creativeFeatures = Collections.unmodifiableMap(ordered);
    }

    /** Traits without creative features. */
    public SyntheticAdSetTraits(String audience, String placement, String creative) {
        this(audience, placement, creative, Map.of());
    }

    /** The same traits without the creative features (what a model trained without them sees). */
    public SyntheticAdSetTraits withoutCreativeFeatures() {
        return creativeFeatures.isEmpty() ? this : new SyntheticAdSetTraits(audience, placement, creative);
    }

    /** The attributes as the API's {@code attributes} map (name → level), in {@link #names()} order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("audience", audience);
        m.put("placement", placement);
        m.put("creative", creative);
        m.putAll(creativeFeatures);
        return m;
    }

    /** {@link #NAMES} then the creative feature names. */
    public List<String> names() {
        List<String> out = new ArrayList<>(NAMES);
        out.addAll(creativeFeatures.keySet());
        return List.copyOf(out);
    }

    /** Values in {@link #names()} order. */
    public List<String> values() {
        List<String> out = new ArrayList<>(List.of(audience, placement, creative));
        out.addAll(creativeFeatures.values());
        return List.copyOf(out);
    }

    private static void check(String field, String value, List<String> levels) {
        if (!levels.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + levels + ", was " + value);
        }
    }
}
