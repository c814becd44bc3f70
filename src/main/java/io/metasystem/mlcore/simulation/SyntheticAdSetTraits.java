package io.metasystem.mlcore.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Targeting facts of a synthetic ad set that an advertiser knows before it spends: who it targets, where it runs and
 * what it shows. In cold-start scenarios they drive part of the true rates ({@link AttributeEffects}).
 *
 * @param audience  one of {@link AttributeEffects#AUDIENCES}
 * @param placement one of {@link AttributeEffects#PLACEMENTS}
 * @param creative  one of {@link AttributeEffects#CREATIVES}
 */
public record SyntheticAdSetTraits(String audience, String placement, String creative) {
    /** Attribute names, in the order used as the hierarchy of the empirical-Bayes model. */
    public static final List<String> NAMES = List.of("audience", "placement", "creative");

    public SyntheticAdSetTraits {
        check("audience", audience, AttributeEffects.AUDIENCES);
        check("placement", placement, AttributeEffects.PLACEMENTS);
        check("creative", creative, AttributeEffects.CREATIVES);
    }

    /** The attributes as the API's {@code attributes} map (name → level), in {@link #NAMES} order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("audience", audience);
        m.put("placement", placement);
        m.put("creative", creative);
        return m;
    }

    /** Values in {@link #NAMES} order. */
    public List<String> values() {
        return List.of(audience, placement, creative);
    }

    private static void check(String field, String value, List<String> levels) {
        if (!levels.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + levels + ", was " + value);
        }
    }
}
