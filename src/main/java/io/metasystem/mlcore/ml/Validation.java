package io.metasystem.mlcore.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Validation that cannot see the future or the unit it scores.
 * <ul>
 *   <li>Dated data: rolling origin. For origin t, train on days &lt; t and score days t..t+6; origins every 7 days,
 *       the last one ending on the last day.</li>
 * <li>Undated data: grouped k-fold. Folds are drawn by a seeded hash of the group (the fb ad set), so all ads of an ad
 *       set are scored by a model that never saw that ad set — the cold-start situation.</li>
 * </ul>
 * Every model is fitted on the same training rows and scored on the same test rows.
 */
public final class Validation {
    /** One train/test split. */
    public record Fold(String label, List<FeatureRow> train, List<FeatureRow> test) {}

    /**
     * @param folds          k of the grouped k-fold (undated data)
     * @param origins        number of rolling origins (dated data)
     * @param horizon        days scored per origin
     * @param minConversions units with at least this many conversions enter the CPA MAE
     * @param seed           seed of fold assignment and of the models
     * @param coldStart      dated data only: each origin also holds out a seeded fold of groups (segments) that the
     *                       model never sees in training, so scored units are new <em>and</em> in the future
     */
    public record Settings(int folds, int origins, int horizon, double minConversions, long seed, boolean coldStart) {
        public Settings {
            if (folds < 2 || origins < 1 || horizon < 1 || minConversions < 1) {
                throw new IllegalArgumentException("folds >= 2, origins >= 1, horizon >= 1, minConversions >= 1");
            }
        }

        public Settings(int folds, int origins, int horizon, double minConversions, long seed) {
            this(folds, origins, horizon, minConversions, seed, false);
        }

        public static Settings defaults(long seed) {
            return new Settings(5, 6, 7, 3, seed);
        }
    }

    /** Scores of one model, pooled over all folds. */
    public record ModelScore(
            String model,
            int units,
            double poissonDeviance,
            double clickPoissonDeviance,
            double cpaMae,
            int cpaUnits,
            double overdispersion,
            double priorWeight,
            double predictedTotal,
            double observedTotal,
            List<Metrics.Decile> calibration) {}

    /** All scores plus the protocol that produced them. */
    public record Result(
            String dataset, String target, String protocol, List<String> foldLabels, List<ModelScore> scores) {
        public ModelScore score(String model) {
            return scores.stream()
                    .filter(s -> s.model().equals(model))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private Validation() {}

    public static List<Fold> folds(FeatureTable table, Settings s) {
        if (!table.temporal()) {
            return groupedKFold(table, s.folds(), s.seed());
        }
        List<Fold> rolling = rollingOrigin(table, s.origins(), s.horizon());
        if (!s.coldStart()) {
            return rolling;
        }
        // origin k holds out group fold (k mod folds): train on earlier days of the other groups only
        Map<String, Integer> foldOf = groupFolds(table, s.folds(), s.seed());
        List<Fold> out = new ArrayList<>();
        for (int k = 0; k < rolling.size(); k++) {
            int fold = k % s.folds();
            Fold f = rolling.get(k);
            out.add(new Fold(
                    f.label() + ", new segments of group fold " + (fold + 1) + "/" + s.folds(),
                    f.train().stream()
                            .filter(r -> foldOf.get(r.group()) != fold)
                            .toList(),
                    f.test().stream().filter(r -> foldOf.get(r.group()) == fold).toList()));
        }
        return out;
    }

    private static Map<String, Integer> groupFolds(FeatureTable table, int k, long seed) {
        TreeSet<String> groups = new TreeSet<>();
        table.rows().forEach(r -> groups.add(r.group()));
        List<String> shuffled = new ArrayList<>(groups);
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            foldOf.put(shuffled.get(i), i % k);
        }
        return foldOf;
    }

    static List<Fold> rollingOrigin(FeatureTable table, int origins, int horizon) {
        int last = table.maxDay();
        List<Fold> folds = new ArrayList<>();
        for (int k = origins - 1; k >= 0; k--) {
            int t = last - horizon + 1 - k * horizon;
            if (t <= 0) {
                continue;
            }
            int origin = t;
            List<FeatureRow> train =
                    table.rows().stream().filter(r -> r.day() < origin).toList();
            List<FeatureRow> test = table.rows().stream()
                    .filter(r -> r.day() >= origin && r.day() < origin + horizon)
                    .toList();
            folds.add(new Fold("days " + origin + ".." + (origin + horizon - 1), train, test));
        }
        return folds;
    }

    static List<Fold> groupedKFold(FeatureTable table, int k, long seed) {
        Map<String, Integer> foldOf = groupFolds(table, k, seed);
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            folds.add(new Fold(
                    "fold " + (f + 1) + "/" + k,
                    table.rows().stream()
                            .filter(r -> foldOf.get(r.group()) != fold)
                            .toList(),
                    table.rows().stream()
                            .filter(r -> foldOf.get(r.group()) == fold)
                            .toList()));
        }
        return folds;
    }

    /** Runs every trainer on every fold; {@code progress} receives one line per model and fold. */
    public static Result run(FeatureTable table, List<ModelTrainer> trainers, Settings s, Consumer<String> progress) {
        List<Fold> folds = folds(table, s);
        List<ModelScore> scores = new ArrayList<>();
        for (ModelTrainer trainer : trainers) {
            List<Double> obs = new ArrayList<>();
            List<Double> pred = new ArrayList<>();
            List<Double> spend = new ArrayList<>();
            List<Double> clickObs = new ArrayList<>();
            List<Double> clickPred = new ArrayList<>();
            Map<String, double[]> byGroup = new LinkedHashMap<>();
            for (int f = 0; f < folds.size(); f++) {
                Fold fold = folds.get(f);
                progress.accept(trainer.name() + " " + fold.label() + " (train "
                        + fold.train().size() + ", test " + fold.test().size() + ")");
                FeatureTable train = table.withRows(fold.train());
                double[] rates = rates(trainer.fit(train, Exposure.SPEND), fold.test());
                for (int i = 0; i < rates.length; i++) {
                    FeatureRow r = fold.test().get(i);
                    double mu = rates[i] * r.spend();
                    obs.add(r.conversions());
                    pred.add(mu);
                    spend.add(r.spend());
                    double[] g = byGroup.computeIfAbsent(f + "\u001f" + r.group(), x -> new double[2]);
                    g[0] += r.conversions();
                    g[1] += mu;
                }
                List<FeatureRow> clickTest =
                        fold.test().stream().filter(r -> r.clicks() > 0).toList();
                double[] cvr = rates(trainer.fit(train, Exposure.CLICKS), clickTest);
                for (int i = 0; i < cvr.length; i++) {
                    clickObs.add(clickTest.get(i).conversions());
                    clickPred.add(cvr[i] * clickTest.get(i).clicks());
                }
            }
            double[] o = Metrics.unbox(obs);
            double[] p = Metrics.unbox(pred);
            double[] cpa = Metrics.cpaMae(Metrics.unbox(spend), o, p, s.minConversions());
            double[] go = byGroup.values().stream().mapToDouble(v -> v[0]).toArray();
            double[] gp = byGroup.values().stream().mapToDouble(v -> v[1]).toArray();
            double v = Metrics.overdispersion(go, gp);
            scores.add(new ModelScore(
                    trainer.name(),
                    o.length,
                    Metrics.poissonDeviance(o, p),
                    Metrics.poissonDeviance(Metrics.unbox(clickObs), Metrics.unbox(clickPred)),
                    cpa[0],
                    (int) cpa[1],
                    v,
                    Metrics.weightFromOverdispersion(v),
                    Metrics.sum(p),
                    Metrics.sum(o),
                    Metrics.calibration(o, p)));
        }
        String protocol = table.temporal()
                ? "rolling origin: train on days < t, score days t..t+" + (s.horizon() - 1) + ", " + folds.size()
                        + " origins"
                        + (s.coldStart()
                                ? "; cold start: scored segments held out of training (group " + s.folds()
                                        + "-fold, seed " + s.seed() + ")"
                                : "")
                : "grouped " + s.folds() + "-fold by ad set (fb_campaign_id), seed " + s.seed();
        return new Result(
                table.dataset(),
                table.target(),
                protocol,
                folds.stream().map(Fold::label).toList(),
                scores);
    }

    static double[] rates(RateModel model, List<FeatureRow> rows) {
        if (model instanceof XgbModel x) {
            return x.rates(rows);
        }
        return rows.stream().mapToDouble(model::rate).toArray();
    }

    /** SplitMix64 finaliser, for seeded hashing. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
