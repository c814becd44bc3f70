package io.metasystem.mlcore.optimizer;

/**
 * Everything one run knows about one ad set, filled stage by stage (evidence → θ → exposures → posterior →
 * bounds → early stop → budgets → summaries). A mutable scratch record private to one {@link OptimizationRun}:
 * the stages communicate through it so that each stage stays a small, stateless algorithm.
 */
final class AdSetState {
    /** Which rule set a bound, so the explanation can name it. */
    enum BoundSource {
        NONE,
        MIN,
        MAX,
        RATIO,
        /** The caller locked the ad set at its current budget. */
        LOCKED
    }

    final AdSetInput in;
    final int inputIndex;
    final boolean callerPaused;
    final Double current; // null when unknown or 0
    final long idHash; // FNV-1a of the id, keys the random streams
    // evidence
    int nd;
    double[] s;
    double[] c;
    double[] w;
    double[] u; // log(s/r), 0 when s = 0
    int clickDays; // days with clicks known
    int revenueDays; // days with revenue known
    double[] clicks; // per day, NaN when unknown; only when some but not all days have clicks
    double[] rev; // per day, NaN when unknown; only when some but not all days have revenue
    boolean totalsOnly;
    boolean isNew;
    double rawSpend;
    double rawConv;
    double typicalSpend;
    // saturation
    SaturationEstimator.Fit fit;
    double theta;
    // exposures
    double e; // Σ w·r·(s/r)^θ
    double conv; // Σ w c
    double q = 1; // Σ w² e / Σ w e
    double phi = 1; // negative-binomial dispersion factor 1 + μ̄/k
    double wDays; // Σ w over days with spend
    double k; // Σ w clicks (days with clicks), set by Evidence
    double ek; // Σ w e (days with clicks)
    double ck; // Σ w c (days with clicks)
    double kLong; // Σ w_L clicks over days with clicks, w_L the long (CVR) decay weights
    double cLong; // Σ w_L c over the same days
    double v; // Σ w revenue (days with revenue), set by Evidence
    double cv; // Σ w c (days with revenue)
    // posterior
    double priorMean;
    double alpha;
    double beta;
    Double aov;
    // decisions
    EarlyStopDecision early;
    boolean stopped;
    double lo;
    double hi;
    BoundSource loSrc = BoundSource.MIN;
    BoundSource hiSrc = BoundSource.NONE;
    boolean boundConflict;
    boolean overflowOnly; // would be stopped, kept only to absorb what the others cannot
    double bExploit;
    double bTs;
    double b;
    // outputs
    double probBest;
    double loss;

    AdSetState(AdSetInput in, int inputIndex) {
        this.in = in;
        this.inputIndex = inputIndex;
        this.callerPaused = in.status() == AdSetStatus.PAUSED;
        this.current = in.currentBudget() != null && in.currentBudget() > 0 ? in.currentBudget() : null;
        this.idHash = RandomStreams.idHash(in.id());
    }

    /** Posterior mean E[κ] = α/β. */
    double mean() {
        return alpha / beta;
    }

    /** Posterior standard deviation SD[κ] = √α/β. */
    double sd() {
        return Math.sqrt(alpha) / beta;
    }

    /** Neither paused by the caller nor stopped early. */
    boolean active() {
        return !callerPaused && !stopped;
    }
}
