package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.store.AdSetDay;
import io.metasystem.mlcore.store.InsightStore;
import org.springframework.stereotype.Service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A model version's logged predictions scored against what happened, so degradation is visible next to the score it
 * had at training time.
 *
 * <p>Computed on read: each logged prediction (rate per unit of spend for an ad set from its day on) is compared with
 * the ad set's stored insights of days {@code day .. day + horizon − 1} as they are now. The unit is the realised
 * ad-set day with spend &gt; 0 — the unit the store-trained models are validated on: predicted conversions =
 * rate × that day's spend, mean Poisson deviance over those days, CPA MAE over days with at least
 * {@value #MIN_CONVERSIONS} conversions ({@link Metrics}). Overlapping horizons of daily predictions count a day once
 * per prediction. Predictions are bucketed by their day (or the Monday of its ISO week).
 */
@Service
public class ModelPerformance {
    static final double MIN_CONVERSIONS = 3;

    private final ModelRegistry registry;
    private final PredictionLog log;
    private final InsightStore store;

    public ModelPerformance(ModelRegistry registry, PredictionLog log, InsightStore store) {
        this.registry = registry;
        this.log = log;
        this.store = store;
    }

    /** Bucket width. */
    public enum Bucket {
        DAY,
        WEEK;

        LocalDate start(LocalDate day) {
            return this == DAY ? day : day.with(DayOfWeek.MONDAY);
        }
    }

    /** The held-out score of the version's training run (validation of {@code xgboost_poisson}). */
    public record TrainingScore(
            String protocol,
            String dataWindow,
            int units,
            double poissonDeviance,
            Double cpaMae,
            int cpaUnits,
            Double predictedOverObserved) {}

    /**
     * One bucket of predictions.
     *
     * @param predictions          logged predictions whose day falls in the bucket
     * @param evaluated            of those, the ones with at least one realised day with spend
     * @param days                 realised ad-set days scored
     * @param ratio                predicted / observed conversions, null when none were observed
     * @param meanPoissonDeviance  per realised day, null when nothing was evaluated
     * @param cpaMae               null when no day had enough conversions
     */
    public record BucketScore(
            LocalDate start,
            LocalDate end,
            int predictions,
            int evaluated,
            int days,
            double spend,
            double predictedConversions,
            double observedConversions,
            Double ratio,
            Double meanPoissonDeviance,
            Double cpaMae,
            int cpaUnits) {}

    /** The answer of {@code GET /api/v1/ml/models/{version}/performance}. */
    public record Report(
            long modelVersion,
            String scope,
            String modelId,
            ModelStatus status,
            String bucket,
            LocalDate from,
            LocalDate to,
            int horizonDays,
            double minConversions,
            TrainingScore training,
            double validationDeviance,
            List<BucketScore> buckets,
            String note) {}

    /**
     * @param from nullable: from the first logged prediction
     * @param to   nullable: up to the last one
     * @throws NotFoundException for an unknown version
     */
    public Report report(long version, LocalDate from, LocalDate to, Bucket bucket) {
        RegisteredModel model = registry.get(version);
        List<PredictionLog.Entry> entries = log.list(version, from, to);
        Map<String, Map<LocalDate, AdSetDay>> realised = realised(entries);
        TreeMap<LocalDate, List<PredictionLog.Entry>> byBucket = entries.stream()
                .collect(Collectors.groupingBy(e -> bucket.start(e.day()), TreeMap::new, Collectors.toList()));
        List<BucketScore> buckets = new ArrayList<>();
        int evaluatedTotal = 0;
        for (var b : byBucket.entrySet()) {
            BucketScore score = score(
                    b.getKey(), bucket == Bucket.DAY ? b.getKey() : b.getKey().plusDays(6), b.getValue(), realised);
            evaluatedTotal += score.evaluated();
            buckets.add(score);
        }
        String note = entries.isEmpty()
                ? "no predictions of this version were logged in the range (predictions are "
                        + "logged when an optimize call with an account uses model priors)"
                : evaluatedTotal == 0
                        ? "no insights yet for the " + entries.size() + " logged predictions: import or sync "
                                + "the days after each prediction day"
                        : evaluatedTotal < entries.size()
                                ? (entries.size() - evaluatedTotal) + " of " + entries.size()
                                        + " predictions have no realised insights yet"
                                : null;
        LocalDate first = entries.isEmpty() ? from : entries.get(0).day();
        LocalDate last =
                entries.isEmpty() ? to : entries.get(entries.size() - 1).day();
        return new Report(
                version,
                model.scope(),
                model.modelId(),
                model.status(),
                bucket.name().toLowerCase(Locale.ROOT),
                from != null ? from : first,
                to != null ? to : last,
                PredictionLog.HORIZON_DAYS,
                MIN_CONVERSIONS,
                training(version),
                model.holdoutDeviance(),
                buckets,
                note);
    }

    private Map<String, Map<LocalDate, AdSetDay>> realised(List<PredictionLog.Entry> entries) {
        Map<String, Map<LocalDate, AdSetDay>> out = new HashMap<>();
        Map<String, List<PredictionLog.Entry>> byAccount =
                entries.stream().collect(Collectors.groupingBy(PredictionLog.Entry::accountId));
        byAccount.forEach((account, list) -> {
            LocalDate min = list.stream()
                    .map(PredictionLog.Entry::day)
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate max = list.stream()
                    .map(e -> e.day().plusDays(e.horizonDays() - 1L))
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            for (AdSetDay d : store.adSetDays(account, min, max)) {
                out.computeIfAbsent(key(account, d.adsetId()), k -> new HashMap<>())
                        .put(d.date(), d);
            }
        });
        return out;
    }

    static BucketScore score(
            LocalDate start,
            LocalDate end,
            List<PredictionLog.Entry> entries,
            Map<String, Map<LocalDate, AdSetDay>> realised) {
        List<Double> observed = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<Double> spend = new ArrayList<>();
        int evaluated = 0;
        for (PredictionLog.Entry e : entries) {
            Map<LocalDate, AdSetDay> days = realised.getOrDefault(key(e.accountId(), e.adsetId()), Map.of());
            boolean any = false;
            for (int k = 0; k < e.horizonDays(); k++) {
                AdSetDay d = days.get(e.day().plusDays(k));
                if (d == null || d.spend().signum() <= 0) {
                    continue;
                }
                any = true;
                double s = d.spend().doubleValue();
                spend.add(s);
                observed.add(d.conversions() == null ? 0 : d.conversions().doubleValue());
                predicted.add(e.perSpend() * s);
            }
            evaluated += any ? 1 : 0;
        }
        double[] o = Metrics.unbox(observed);
        double[] p = Metrics.unbox(predicted);
        double[] sp = Metrics.unbox(spend);
        double sumO = Metrics.sum(o);
        double sumP = Metrics.sum(p);
        double[] cpa = o.length == 0 ? new double[] {Double.NaN, 0} : Metrics.cpaMae(sp, o, p, MIN_CONVERSIONS);
        return new BucketScore(
                start,
                end,
                entries.size(),
                evaluated,
                o.length,
                Metrics.sum(sp),
                sumP,
                sumO,
                sumO > 0 ? sumP / sumO : null,
                o.length == 0 ? null : Metrics.poissonDeviance(o, p),
                Double.isNaN(cpa[0]) ? null : cpa[0],
                (int) cpa[1]);
    }

    private TrainingScore training(long version) {
        Provenance p = registry.provenanceOf(version);
        Validation.ModelScore s = p.validation().score("xgboost_poisson");
        return new TrainingScore(
                p.validation().protocol(),
                p.dataWindow(),
                s.units(),
                s.poissonDeviance(),
                Double.isFinite(s.cpaMae()) ? s.cpaMae() : null,
                s.cpaUnits(),
                s.observedTotal() > 0 ? s.predictedTotal() / s.observedTotal() : null);
    }

    private static String key(String account, String adset) {
        return account + "\u001f" + adset;
    }
}
