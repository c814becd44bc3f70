package io.metasystem.mlcore.simulation;

import java.util.List;
import java.util.Map;

/**
 * How targeting attributes move the true rates of a cold-start ad set: each level multiplies CPM, CTR and CVR by
 * {@code exp(effect)}. The table {@link #DEFAULT} is fixed (the same "world" for past and new accounts); it was set
 * once
 * from common Meta experience (retargeting converts best, broad worst; Reels is cheap but converts less; video gets
 * more clicks) and not tuned on the cold-start results. Per-ad-set residuals and an account factor
 * ({@link ColdStartScenarioGenerator}) keep attributes informative but not decisive.
 *
 * @param audience  level → {log CPM, log CTR, log CVR} effects
 * @param placement same for placements
 * @param creative  same for creatives
 */
public record AttributeEffects(
        Map<String, double[]> audience, Map<String, double[]> placement, Map<String, double[]> creative) {
    public static final List<String> AUDIENCES = List.of("broad", "interest", "lookalike", "retargeting");
    public static final List<String> PLACEMENTS = List.of("feed", "reels", "stories");
    public static final List<String> CREATIVES = List.of("carousel", "image", "video");

    /** Log-effects {CPM, CTR, CVR}; the standard deviation of log(conversions per spend)
     * over uniformly drawn attributes is about 0.52 (audience 0.48, creative 0.19, placement 0.08). */
    public static final AttributeEffects DEFAULT = new AttributeEffects(
            Map.of(
                    "broad",
                    new double[] {-0.10, -0.10, -0.50},
                    "interest",
                    new double[] {0.00, 0.00, -0.10},
                    "lookalike",
                    new double[] {0.05, 0.05, 0.25},
                    "retargeting",
                    new double[] {0.30, 0.35, 0.75}),
            Map.of(
                    "feed",
                    new double[] {0.00, 0.00, 0.00},
                    "reels",
                    new double[] {-0.30, -0.05, -0.30},
                    "stories",
                    new double[] {-0.15, -0.25, -0.10}),
            Map.of(
                    "carousel",
                    new double[] {0.00, 0.00, 0.05},
                    "image",
                    new double[] {0.00, -0.20, 0.00},
                    "video",
                    new double[] {0.05, 0.25, -0.05}));

    public AttributeEffects {
        audience = Map.copyOf(audience);
        placement = Map.copyOf(placement);
        creative = Map.copyOf(creative);
        complete("audience", audience, AUDIENCES);
        complete("placement", placement, PLACEMENTS);
        complete("creative", creative, CREATIVES);
    }

    /** Summed log-multiplier of CPM for the attributes. */
    public double logCpm(SyntheticAdSetTraits a) {
        return sum(a, 0);
    }

    /** Summed log-multiplier of CTR. */
    public double logCtr(SyntheticAdSetTraits a) {
        return sum(a, 1);
    }

    /** Summed log-multiplier of CVR. */
    public double logCvr(SyntheticAdSetTraits a) {
        return sum(a, 2);
    }

    /** Log-multiplier of conversions per unit of spend (CTR · CVR / CPM), i.e. −log of the CPA multiplier. */
    public double logConversionsPerSpend(SyntheticAdSetTraits a) {
        return logCtr(a) + logCvr(a) - logCpm(a);
    }

    private double sum(SyntheticAdSetTraits a, int k) {
        return audience.get(a.audience())[k] + placement.get(a.placement())[k] + creative.get(a.creative())[k];
    }

    private static void complete(String field, Map<String, double[]> table, List<String> levels) {
        for (String level : levels) {
            double[] e = table.get(level);
            if (e == null || e.length != 3) {
                throw new IllegalArgumentException(field + ": need {cpm, ctr, cvr} effects for level " + level);
            }
        }
    }
}
