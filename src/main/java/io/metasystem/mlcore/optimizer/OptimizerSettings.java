package io.metasystem.mlcore.optimizer;

/**
 * Tunable constants of the engine (the "hyper-prior"). {@link #DEFAULT} is what the service uses; the simulation
 * package tunes them in backtests. Every value is documented in {@code docs/optimization-mandate.md}.
 *
 * @param thetaDefault        default saturation exponent θ when data are thin
 * @param thetaMin            lower clamp of θ
 * @param thetaMax            upper clamp of θ (&lt; 1 keeps every curve strictly concave)
 * @param thetaPriorSd        σ_θ of the pooled prior on each ad set's θ (precision 1/σ² in information units)
 * @param thetaDefaultWeight  information units given to {@code thetaDefault} when pooling θ across ad sets
 * @param priorShapeMin       floor of the pooled prior strength α₀ (pseudo-conversions)
 * @param priorShapeMax       ceiling of α₀
 * @param priorShapeDefault   α₀ when fewer than two ad sets have data
 * @param clickPseudo         pseudo-clicks shrinking an ad set's clicks-per-spend toward the pooled value
 * @param aovPseudo           pseudo-conversions shrinking an ad set's order value toward the pooled value
 * @param useFunnel           whether the prior mean of κ uses the ad set's clicks × pooled CVR
 * @param explorationScale    adaptive exploration share = scale × budget-weighted CV of κ
 * @param explorationCap      upper bound of the adaptive exploration share
 * @param drawBudget          total Monte Carlo draws (over all ad sets) for probability-best / expected loss
 * @param minDraws            lower bound of draws per ad set
 * @param maxDraws            upper bound of draws per ad set
 * @param holdBand            relative band around the current budget reported as HOLD
 * @param thinConversions     decay-weighted conversions below which an ad set is flagged as thin
 * @param starvedShare        an early-stop candidate is paused only if the allocation would give it at most
 *                            this share of the reference spend r (or min_per_adset)
 * @param overdispersion      whether day-level negative-binomial overdispersion tempers the evidence
 * @param cvrHalfLifeFactor   conversions per click are pooled over this many times the half-life (1 = same decay
 *                            as clicks per exposure; fatigue acts on the click-through part)
 * @param capExploration      factor on the adaptive exploration share when a change cap applies (1 = unchanged,
 *                            0 = no adaptive exploration under a cap)
 */
public record OptimizerSettings(
        double thetaDefault,
        double thetaMin,
        double thetaMax,
        double thetaPriorSd,
        double thetaDefaultWeight,
        double priorShapeMin,
        double priorShapeMax,
        double priorShapeDefault,
        double clickPseudo,
        double aovPseudo,
        boolean useFunnel,
        double explorationScale,
        double explorationCap,
        int drawBudget,
        int minDraws,
        int maxDraws,
        double holdBand,
        double thinConversions,
        double starvedShare,
        boolean overdispersion,
        double cvrHalfLifeFactor,
        double capExploration) {
    public static final OptimizerSettings DEFAULT = new OptimizerSettings(
            0.7, 0.3, 0.9, 0.08, 20.0, 2.0, 50.0, 4.0, 20.0, 10.0, true, 0.5, 0.3, 20_000, 8, 400, 0.02, 5.0, 0.05,
            false, 4.0, 0.0);

    /**
     * @throws InvalidProblemException naming the first setting (by its component name, e.g. {@code thetaMin}) that
     *     is out of range, with the rule it breaks
     */
    public OptimizerSettings {
        require(thetaMin > 0, "thetaMin", "must be > 0, was " + thetaMin);
        require(
                thetaMin <= thetaDefault,
                "thetaDefault",
                "must be >= thetaMin (" + thetaMin + "), was " + thetaDefault);
        require(
                thetaDefault <= thetaMax,
                "thetaMax",
                "must be >= thetaDefault (" + thetaDefault + "), was " + thetaMax);
        require(thetaMax < 1, "thetaMax", "must be < 1, was " + thetaMax);
        require(thetaPriorSd > 0, "thetaPriorSd", "must be > 0, was " + thetaPriorSd);
        require(thetaDefaultWeight > 0, "thetaDefaultWeight", "must be > 0, was " + thetaDefaultWeight);
        require(priorShapeMin >= 1, "priorShapeMin", "must be >= 1, was " + priorShapeMin);
        require(
                priorShapeMax >= priorShapeMin,
                "priorShapeMax",
                "must be >= priorShapeMin (" + priorShapeMin + "), was " + priorShapeMax);
        require(
                priorShapeDefault >= priorShapeMin,
                "priorShapeDefault",
                "must be >= priorShapeMin (" + priorShapeMin + "), was " + priorShapeDefault);
        require(clickPseudo > 0, "clickPseudo", "must be > 0, was " + clickPseudo);
        require(aovPseudo > 0, "aovPseudo", "must be > 0, was " + aovPseudo);
        require(explorationScale >= 0, "explorationScale", "must be >= 0, was " + explorationScale);
        require(
                explorationCap >= 0 && explorationCap <= 1,
                "explorationCap",
                "must be in [0, 1], was " + explorationCap);
        require(drawBudget > 0, "drawBudget", "must be > 0, was " + drawBudget);
        require(minDraws > 0, "minDraws", "must be > 0, was " + minDraws);
        require(maxDraws >= minDraws, "maxDraws", "must be >= minDraws (" + minDraws + "), was " + maxDraws);
        require(holdBand >= 0, "holdBand", "must be >= 0, was " + holdBand);
        require(thinConversions >= 0, "thinConversions", "must be >= 0, was " + thinConversions);
        require(starvedShare >= 0, "starvedShare", "must be >= 0, was " + starvedShare);
        require(cvrHalfLifeFactor > 0, "cvrHalfLifeFactor", "must be > 0, was " + cvrHalfLifeFactor);
        require(
                capExploration >= 0 && capExploration <= 1,
                "capExploration",
                "must be in [0, 1], was " + capExploration);
    }

    private static void require(boolean holds, String field, String reason) {
        if (!holds) {
            throw new InvalidProblemException(field, reason);
        }
    }

    public OptimizerSettings withCvrHalfLife(double factor, double capFactor) {
        Copy copy = new Copy(this);
        copy.cvrHalfLifeFactor = factor;
        copy.capExploration = capFactor;
        return copy.build();
    }

    public OptimizerSettings withExploration(double scale, double cap) {
        Copy copy = new Copy(this);
        copy.explorationScale = scale;
        copy.explorationCap = cap;
        return copy.build();
    }

    public OptimizerSettings withStarvedShare(double share) {
        Copy copy = new Copy(this);
        copy.starvedShare = share;
        return copy.build();
    }

    public OptimizerSettings withOverdispersion(boolean on) {
        Copy copy = new Copy(this);
        copy.overdispersion = on;
        return copy.build();
    }

    public OptimizerSettings withClickPseudo(double clicks) {
        Copy copy = new Copy(this);
        copy.clickPseudo = clicks;
        return copy.build();
    }

    public OptimizerSettings withThetaRange(double min, double max) {
        Copy copy = new Copy(this);
        copy.thetaMin = min;
        copy.thetaMax = max;
        return copy.build();
    }

    public OptimizerSettings withTheta(double defaultTheta, double priorSd, double defaultWeight) {
        Copy copy = new Copy(this);
        copy.thetaDefault = defaultTheta;
        copy.thetaPriorSd = priorSd;
        copy.thetaDefaultWeight = defaultWeight;
        return copy.build();
    }

    public OptimizerSettings withPriorShape(double min, double max, double dflt, boolean funnel) {
        Copy copy = new Copy(this);
        copy.priorShapeMin = min;
        copy.priorShapeMax = max;
        copy.priorShapeDefault = dflt;
        copy.useFunnel = funnel;
        return copy.build();
    }

    /** A mutable copy of every setting; each {@code with…} changes some fields and builds a new, validated record. */
    private static final class Copy {
        private double thetaDefault;
        private double thetaMin;
        private double thetaMax;
        private double thetaPriorSd;
        private double thetaDefaultWeight;
        private double priorShapeMin;
        private double priorShapeMax;
        private double priorShapeDefault;
        private double clickPseudo;
        private double aovPseudo;
        private boolean useFunnel;
        private double explorationScale;
        private double explorationCap;
        private int drawBudget;
        private int minDraws;
        private int maxDraws;
        private double holdBand;
        private double thinConversions;
        private double starvedShare;
        private boolean overdispersion;
        private double cvrHalfLifeFactor;
        private double capExploration;

        Copy(OptimizerSettings s) {
            thetaDefault = s.thetaDefault;
            thetaMin = s.thetaMin;
            thetaMax = s.thetaMax;
            thetaPriorSd = s.thetaPriorSd;
            thetaDefaultWeight = s.thetaDefaultWeight;
            priorShapeMin = s.priorShapeMin;
            priorShapeMax = s.priorShapeMax;
            priorShapeDefault = s.priorShapeDefault;
            clickPseudo = s.clickPseudo;
            aovPseudo = s.aovPseudo;
            useFunnel = s.useFunnel;
            explorationScale = s.explorationScale;
            explorationCap = s.explorationCap;
            drawBudget = s.drawBudget;
            minDraws = s.minDraws;
            maxDraws = s.maxDraws;
            holdBand = s.holdBand;
            thinConversions = s.thinConversions;
            starvedShare = s.starvedShare;
            overdispersion = s.overdispersion;
            cvrHalfLifeFactor = s.cvrHalfLifeFactor;
            capExploration = s.capExploration;
        }

        OptimizerSettings build() {
            return new OptimizerSettings(
                    thetaDefault,
                    thetaMin,
                    thetaMax,
                    thetaPriorSd,
                    thetaDefaultWeight,
                    priorShapeMin,
                    priorShapeMax,
                    priorShapeDefault,
                    clickPseudo,
                    aovPseudo,
                    useFunnel,
                    explorationScale,
                    explorationCap,
                    drawBudget,
                    minDraws,
                    maxDraws,
                    holdBand,
                    thinConversions,
                    starvedShare,
                    overdispersion,
                    cvrHalfLifeFactor,
                    capExploration);
        }
    }
}
