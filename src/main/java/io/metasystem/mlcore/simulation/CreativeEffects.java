package io.metasystem.mlcore.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the features the {@code vision} package reads from an ad set's creatives move its true rates in the
 * simulator: each level of each feature multiplies CPM, CTR and CVR by {@code exp(effect)}, on top of
 * {@link AttributeEffects}. The features and their levels are the ad-set attributes vision stores
 * ({@code CreativeAttributes}: {@code creative_media}, {@code creative_person}, {@code creative_person_opening},
 * {@code creative_brightness}, {@code creative_colourfulness}), so the simulated training rows look like the
 * service's.
 *
 * <p>{@link #PLANTED} was set once, before any benchmark run, from common creative advice (a person in the opening
 * seconds stops the scroll, dark and dull creatives get fewer clicks); {@code creative_media} (already carried by
 * the {@code creative} attribute) and {@code creative_person} (beyond the opening) have no effect. {@link #NONE} is
 * the control: the same features drawn the same way, with no effect at all.
 *
 * @param effects feature → level → {log CPM, log CTR, log CVR}
 */
public record CreativeEffects(Map<String, Map<String, double[]>> effects) {
    public static final String MEDIA = "creative_media";
    public static final String PERSON = "creative_person";
    public static final String PERSON_OPENING = "creative_person_opening";
    public static final String BRIGHTNESS = "creative_brightness";
    public static final String COLOURFULNESS = "creative_colourfulness";

    /** Feature → levels, in the order vision writes them. */
    public static final Map<String, List<String>> LEVELS = levels();

    /** Feature names in {@link #LEVELS} order. */
    public static final List<String> FEATURES = List.copyOf(LEVELS.keySet());

    /**
     * Planted effects; the standard deviation of log(conversions per spend) they add over the generator's feature
     * mix is about 0.2 (the opening person 0.17, brightness 0.07, colourfulness 0.09).
     */
    public static final CreativeEffects PLANTED = new CreativeEffects(Map.of(
            PERSON_OPENING,
            Map.of("yes", new double[] {0, 0.20, 0.15}, "no", new double[] {0, 0, 0}),
            BRIGHTNESS,
            Map.of(
                    "dark", new double[] {0, -0.15, 0},
                    "medium", new double[] {0, 0, 0},
                    "bright", new double[] {0, 0.05, 0}),
            COLOURFULNESS,
            Map.of(
                    "low", new double[] {0, -0.10, 0},
                    "medium", new double[] {0, 0, 0},
                    "high", new double[] {0, 0.10, 0.05})));

    /** The control: the features exist but move nothing. */
    public static final CreativeEffects NONE = new CreativeEffects(Map.of());

    /** @throws IllegalArgumentException for an unknown feature or level, or an effect that is not 3 numbers */
    public CreativeEffects {
        Map<String, Map<String, double[]>> copy = new LinkedHashMap<>();
        for (var e : effects.entrySet()) {
            List<String> levels = LEVELS.get(e.getKey());
            if (levels == null) {
                throw new IllegalArgumentException("unknown creative feature " + e.getKey() + ", known: " + FEATURES);
            }
            for (var l : e.getValue().entrySet()) {
                if (!levels.contains(l.getKey()) || l.getValue().length != 3) {
                    throw new IllegalArgumentException(e.getKey() + ": need {cpm, ctr, cvr} effects of a level in "
                            + levels + ", got " + l.getKey());
                }
            }
            copy.put(e.getKey(), Map.copyOf(e.getValue()));
        }
        effects = Map.copyOf(copy);
    }

    /** Every effect multiplied by {@code factor} (a stronger or weaker world). */
    public CreativeEffects scaled(double factor) {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        effects.forEach((feature, levels) -> {
            Map<String, double[]> m = new LinkedHashMap<>();
            levels.forEach((level, e) -> m.put(level, new double[] {e[0] * factor, e[1] * factor, e[2] * factor}));
            out.put(feature, m);
        });
        return new CreativeEffects(out);
    }

    /** Summed log-multiplier of CPM ({@code k = 0}), CTR (1) or CVR (2) for the features (missing ones add 0). */
    public double log(Map<String, String> features, int k) {
        double sum = 0;
        for (var e : features.entrySet()) {
            double[] effect = effects.getOrDefault(e.getKey(), Map.of()).get(e.getValue());
            sum += effect == null ? 0 : effect[k];
        }
        return sum;
    }

    /** Log-multiplier of conversions per unit of spend (CTR · CVR / CPM). */
    public double logConversionsPerSpend(Map<String, String> features) {
        return log(features, 1) + log(features, 2) - log(features, 0);
    }

    private static Map<String, List<String>> levels() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(MEDIA, List.of("video", "image"));
        m.put(PERSON, List.of("yes", "no"));
        m.put(PERSON_OPENING, List.of("yes", "no"));
        m.put(BRIGHTNESS, List.of("dark", "medium", "bright"));
        m.put(COLOURFULNESS, List.of("low", "medium", "high"));
        return Collections.unmodifiableMap(m);
    }
}
