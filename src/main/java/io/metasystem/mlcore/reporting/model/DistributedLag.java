package io.metasystem.mlcore.reporting.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Bayesian distributed-lag regression of one platform metric on Meta spend:
 * {@code y_t = level + trend·t + day-of-week + Σ_events (box_e(t)·γ_e + ramp_e(t)·δ_e) + β·adstock_λ(spend)_t + ε_t},
 * {@code ε_t ~ N(0, σ²)}. Each event shifts the baseline for {@value #EVENT_DAYS} days with a free level and a free
 * linear decay. The decay λ has a uniform prior on a grid from 0 to {@value #MAX_LAMBDA} per day (Robyn's range for
 * digital channels: weekly decay 0–0.3); for each λ the linear part is the conjugate normal–inverse-gamma regression
 * ({@link ConjugateRegression}) on standardised data, so the posterior over λ is exact on the grid (from the marginal
 * likelihoods) and the posterior of β is a mixture of Student-t's, sampled {@value #DRAWS} times with the seed.
 *
 * <p>β is the TOTAL response over all following days to one unit of spend, i.e. the INCREMENTAL metric per unit of
 * spend; it is not the metric per unit of spend (that naive ratio includes organic streams). Positivity is not
 * imposed, so a no-effect artist's interval straddles zero.
 */
public final class DistributedLag {
    /** Days an event shifts the baseline. */
    public static final int EVENT_DAYS = 14;
    /** Largest daily decay on the grid. */
    public static final double MAX_LAMBDA = 0.84;
    /** Grid step of λ. */
    public static final double LAMBDA_STEP = 0.02;
    /** Posterior draws. */
    public static final int DRAWS = 4000;
    /** Fewer observed days than this draw a warning. */
    public static final int MIN_DAYS = 28;

    private static final double PRIOR_VAR_BASELINE = 100;
    private static final double PRIOR_VAR_EFFECT = 25;
    private static final double PRIOR_SHAPE = 2;
    private static final double PRIOR_SCALE = 1;

    /** How the method is described in answers. */
    public static final String METHOD = "Bayesian distributed-lag regression: metric = level + trend + day of week + "
            + "event shifts (" + EVENT_DAYS + "-day level and decay per event) + beta * geometric adstock(spend, "
            + "lambda) + noise; lambda on a grid 0-" + MAX_LAMBDA + " per day (Robyn's digital prior), conjugate "
            + "normal-inverse-gamma regression per lambda, posterior over lambda from the marginal likelihoods, "
            + DRAWS + " mixture draws; 90% credible intervals. beta = INCREMENTAL units per unit of spend (ads only, "
            + "all following days), not total units per unit of spend.";

    private DistributedLag() {}

    /** @return the posterior, or a result with null estimates and warnings when the data cannot tell */
    public static LagResult fit(LagInput input) {
        int n = input.metric().length;
        List<String> warnings = new ArrayList<>();
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        int[] observed = observedDays(input.metric());
        diagnostics.put("days", n);
        diagnostics.put("observed_days", observed.length);
        double spendMean = 0;
        double spendSq = 0;
        int spendDays = 0;
        for (int t : observed) {
            spendMean += input.spend()[t];
            spendSq += input.spend()[t] * input.spend()[t];
            spendDays += input.spend()[t] > 0 ? 1 : 0;
        }
        diagnostics.put("spend_days", spendDays);
        if (observed.length > 0) {
            spendMean /= observed.length;
            spendSq = spendSq / observed.length - spendMean * spendMean;
        }
        if (observed.length < MIN_DAYS) {
            warnings.add("only " + observed.length + " observed days (fewer than " + MIN_DAYS
                    + "): the decay and the weekday pattern are poorly identified");
        }
        if (spendMean <= 0 || Math.sqrt(Math.max(spendSq, 0)) < 1e-6 * spendMean) {
            warnings.add(
                    spendMean <= 0
                            ? "no spend on the observed days: nothing to attribute"
                            : "spend never varied: the ads' effect cannot be told apart from the baseline level");
            return new LagResult(null, null, null, null, null, diagnostics, warnings);
        }
        List<Integer> events = new ArrayList<>();
        for (int e : input.events()) {
            if (e + EVENT_DAYS > 0 && e < n) {
                events.add(e);
                overlapWarning(input, e).ifPresent(warnings::add);
            }
        }
        int p = 2 + 6 + 2 * events.size() + 1;
        if (observed.length < p + 3) {
            warnings.add("too few observed days (" + observed.length + ") for " + p + " coefficients");
            return new LagResult(null, null, null, null, null, diagnostics, warnings);
        }
        double yMean = 0;
        for (int t : observed) {
            yMean += input.metric()[t];
        }
        yMean /= observed.length;
        double ySd = 0;
        for (int t : observed) {
            ySd += Math.pow(input.metric()[t] - yMean, 2);
        }
        ySd = Math.sqrt(ySd / observed.length);
        if (ySd == 0) {
            ySd = 1;
        }
        double[] y = new double[observed.length];
        for (int i = 0; i < observed.length; i++) {
            y[i] = (input.metric()[observed[i]] - yMean) / ySd;
        }
        double[] priorVar = new double[p];
        Arrays.fill(priorVar, PRIOR_VAR_BASELINE);
        priorVar[p - 1] = PRIOR_VAR_EFFECT;
        int grid = (int) Math.round(MAX_LAMBDA / LAMBDA_STEP) + 1;
        double[] lambdas = new double[grid];
        ConjugateRegression[] fits = new ConjugateRegression[grid];
        double[][] adstockSums = new double[grid][];
        double[] logWeights = new double[grid];
        double best = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < grid; g++) {
            lambdas[g] = g * LAMBDA_STEP;
            double[] adstock = Adstock.geometric(input.spend(), lambdas[g]);
            double[][] x = design(input, observed, events, adstock, spendMean);
            fits[g] = ConjugateRegression.fit(x, y, priorVar, PRIOR_SHAPE, PRIOR_SCALE);
            double sum = 0;
            for (int t : observed) {
                sum += adstock[t];
            }
            adstockSums[g] = new double[] {sum};
            logWeights[g] = fits[g].logEvidence();
            best = Math.max(best, logWeights[g]);
        }
        double[] weights = new double[grid];
        double total = 0;
        for (int g = 0; g < grid; g++) {
            weights[g] = Math.exp(logWeights[g] - best);
            total += weights[g];
        }
        double[] cumulative = new double[grid];
        double acc = 0;
        int mode = 0;
        for (int g = 0; g < grid; g++) {
            weights[g] /= total;
            acc += weights[g];
            cumulative[g] = acc;
            mode = weights[g] > weights[mode] ? g : mode;
        }
        double metricTotal = 0;
        for (int t : observed) {
            metricTotal += input.metric()[t];
        }
        SplittableRandom random = new SplittableRandom(input.seed());
        double[] beta = new double[DRAWS];
        double[] halfLife = new double[DRAWS];
        double[] share = new double[DRAWS];
        int positive = 0;
        for (int d = 0; d < DRAWS; d++) {
            double u = random.nextDouble();
            int g = 0;
            while (g < grid - 1 && cumulative[g] < u) {
                g++;
            }
            ConjugateRegression fit = fits[g];
            double sigma2 = fit.scale() / Gammas.sample(random, fit.shape());
            double b =
                    fit.mean()[p - 1] + Math.sqrt(sigma2 * fit.covarianceUnit()[p - 1][p - 1]) * Gammas.normal(random);
            beta[d] = b * ySd / spendMean;
            halfLife[d] = Adstock.halfLifeDays(lambdas[g]);
            share[d] = metricTotal == 0 ? 0 : beta[d] * adstockSums[g][0] / metricTotal;
            positive += beta[d] > 0 ? 1 : 0;
        }
        Estimate betaEstimate = summary(beta);
        Estimate cost = null;
        if (betaEstimate.lower() > 0) {
            cost = summary(
                    Arrays.stream(beta).filter(b -> b > 0).map(b -> 1 / b).toArray());
        } else {
            warnings.add("the 90% interval of the incremental effect reaches zero: the cost per incremental unit "
                    + "is unbounded");
        }
        diagnostics.put("lambda_posterior_mode", lambdas[mode]);
        diagnostics.put("lambda_posterior_mass_at_mode", weights[mode]);
        diagnostics.put("grid_points", grid);
        diagnostics.put("draws", DRAWS);
        diagnostics.put("seed", input.seed());
        diagnostics.put("residual_sd", Math.sqrt(fits[mode].scale() / fits[mode].shape()) * ySd);
        diagnostics.put("coefficients", p);
        diagnostics.put("events_modelled", events.size());
        return new LagResult(
                betaEstimate,
                cost,
                summary(halfLife),
                summary(share),
                positive / (double) DRAWS,
                diagnostics,
                warnings);
    }

    private static Optional<String> overlapWarning(LagInput input, int e) {
        int n = input.spend().length;
        double before = 0;
        int nb = 0;
        for (int t = Math.max(0, e - EVENT_DAYS); t < Math.min(n, e); t++) {
            before += input.spend()[t];
            nb++;
        }
        double after = 0;
        int na = 0;
        for (int t = Math.max(0, e); t < Math.min(n, e + EVENT_DAYS); t++) {
            after += input.spend()[t];
            na++;
        }
        if (nb == 0 || na == 0) {
            return Optional.empty();
        }
        before /= nb;
        after /= na;
        double high = Math.max(before, after);
        if (high > 0 && Math.abs(after - before) > 0.5 * high) {
            return Optional.of("an event on day " + e + " of the window coincides with a change of spend ("
                    + Math.round(before) + " → " + Math.round(after) + " per day): the data can hardly separate the "
                    + "event from the ads");
        }
        return Optional.empty();
    }

    private static double[][] design(
            LagInput input, int[] observed, List<Integer> events, double[] adstock, double spendMean) {
        int n = input.metric().length;
        int p = 2 + 6 + 2 * events.size() + 1;
        double[][] x = new double[observed.length][p];
        for (int i = 0; i < observed.length; i++) {
            int t = observed[i];
            double[] row = x[i];
            row[0] = 1;
            row[1] = (t - (n - 1) / 2.0) / Math.max(1, n - 1) * 2;
            int dow = input.dayOfWeek()[t];
            if (dow > 0) {
                row[1 + dow] = 1;
            }
            for (int k = 0; k < events.size(); k++) {
                int since = t - events.get(k);
                if (since >= 0 && since < EVENT_DAYS) {
                    row[8 + 2 * k] = 1;
                    row[9 + 2 * k] = 1 - since / (double) EVENT_DAYS;
                }
            }
            row[p - 1] = adstock[t] / spendMean;
        }
        return x;
    }

    private static int[] observedDays(double[] metric) {
        return IntStream.range(0, metric.length)
                .filter(t -> !Double.isNaN(metric[t]))
                .toArray();
    }

    static Estimate summary(double[] draws) {
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        return new Estimate(mean, quantile(sorted, 0.5), quantile(sorted, 0.05), quantile(sorted, 0.95));
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
