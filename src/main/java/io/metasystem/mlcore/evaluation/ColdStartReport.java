package io.metasystem.mlcore.evaluation;

import io.metasystem.mlcore.simulation.BacktestReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * All runs of a {@link ColdStartBenchmark} (scenario then policy order), their summaries and the paired
 * differences against the optimizer without priors.
 *
 * @param settings what was run
 * @param models   the prior models, with their held-out weight
 * @param policies policy names in report order
 * @param runs     one run per (scenario, policy)
 */
public record ColdStartReport(
        ColdStartBenchmark.Settings settings,
        List<ModelSummary> models,
        List<String> policies,
        List<ColdStartRun> runs) {
    public ColdStartReport {
        models = List.copyOf(models);
        policies = List.copyOf(policies);
        runs = List.copyOf(runs);
    }

    /** One policy's scores over scenarios. */
    public record Summary(
            String policy,
            double meanShare,
            double p10Share,
            double minShare,
            double meanLaunchShare,
            double p10LaunchShare,
            double minLaunchShare,
            double meanBadNewBudget,
            int violations,
            int errors) {
        /** Values in table order: policy, the six shares, budget on bad new ad sets in percent, violations, errors. */
        Object[] cells() {
            return new Object[] {
                policy,
                meanShare,
                p10Share,
                minShare,
                meanLaunchShare,
                p10LaunchShare,
                minLaunchShare,
                100 * meanBadNewBudget,
                violations,
                errors
            };
        }
    }

    public List<ColdStartRun> runsOf(String policy) {
        return runs.stream().filter(r -> r.policy().equals(policy)).toList();
    }

    public List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        for (String p : policies) {
            List<ColdStartRun> rs = runsOf(p);
            double[] share = sorted(rs, ColdStartRun::share);
            double[] launch = sorted(rs, ColdStartRun::launchShare);
            out.add(new Summary(
                    p,
                    mean(share),
                    BacktestReport.quantile(share, 0.1),
                    share[0],
                    mean(launch),
                    BacktestReport.quantile(launch, 0.1),
                    launch[0],
                    mean(sorted(rs, ColdStartRun::badNewBudget)),
                    rs.stream().mapToInt(ColdStartRun::violations).sum(),
                    rs.stream().mapToInt(ColdStartRun::errors).sum()));
        }
        return out;
    }

    public Summary summary(String policy) {
        return summaries().stream()
                .filter(s -> s.policy().equals(policy))
                .findFirst()
                .orElseThrow();
    }

    /** Paired difference {@code policy − optimizer without priors} of the full-horizon share. */
    public PairedDifference shareGain(String policy) {
        return gain(policy, ColdStartRun::share);
    }

    /** Paired difference {@code policy − optimizer without priors} of the share over the launch window. */
    public PairedDifference launchGain(String policy) {
        return gain(policy, ColdStartRun::launchShare);
    }

    /** Paired difference of the budget share on bad new ad sets (negative = less waste). */
    public PairedDifference badBudgetChange(String policy) {
        return gain(policy, ColdStartRun::badNewBudget);
    }

    private PairedDifference gain(String policy, ToDoubleFunction<ColdStartRun> metric) {
        return gain(policy, ColdStartBenchmark.NO_PRIORS, metric);
    }

    private PairedDifference gain(String policy, String baseline, ToDoubleFunction<ColdStartRun> metric) {
        double[] a = runsOf(policy).stream().mapToDouble(metric).toArray();
        double[] b = runsOf(baseline).stream().mapToDouble(metric).toArray();
        return PairedDifference.of(a, b, settings.seed());
    }

    /**
     * Paired difference of the full-horizon share between the priors of {@code model} with creative features and
     * those of the same model without them ({@code model} is the name without {@link AttributePriors#CREATIVE_SUFFIX}).
     */
    public PairedDifference creativeShareGain(String model) {
        return creativeGain(model, ColdStartRun::share);
    }

    /** As {@link #creativeShareGain} over the launch window. */
    public PairedDifference creativeLaunchGain(String model) {
        return creativeGain(model, ColdStartRun::launchShare);
    }

    private PairedDifference creativeGain(String model, ToDoubleFunction<ColdStartRun> metric) {
        return gain(
                ColdStartBenchmark.PRIORS_PREFIX + model + AttributePriors.CREATIVE_SUFFIX,
                ColdStartBenchmark.PRIORS_PREFIX + model,
                metric);
    }

    /** Models trained both with and without creative features (names without the suffix). */
    public List<String> creativePairs() {
        List<String> names = models.stream().map(ModelSummary::model).toList();
        return names.stream()
                .filter(n -> names.contains(n + AttributePriors.CREATIVE_SUFFIX))
                .toList();
    }

    /** Held-out deviance and weight of each model, and the paired with − without creative features differences. */
    public String creativeMarkdown() {
        StringBuilder sb = new StringBuilder(
                "| model | held-out Poisson deviance / ad set | V̂ | prior weight |\n|---|---:|---:|---:|\n");
        for (ModelSummary m : models) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %.2f |%n",
                    m.model(),
                    m.heldOutDeviance(),
                    m.overdispersion(),
                    m.weight()));
        }
        sb.append("\n| with − without creative features (paired, ")
                .append(settings.scenarios())
                .append(" scenarios) | metric | mean difference | paired-t 95 % | bootstrap 95 % | wins / losses / "
                        + "ties |\n|---|---|---:|---:|---:|---:|\n");
        for (String m : creativePairs()) {
            sb.append(md(m, "share", creativeShareGain(m))).append(md(m, "first-7-day share", creativeLaunchGain(m)));
        }
        return sb.toString();
    }

    private List<String> comparedPolicies() {
        return policies.stream()
                .filter(p -> !p.equals(ColdStartBenchmark.NO_PRIORS) && !p.equals(ColdStartBenchmark.CLAIRVOYANT))
                .toList();
    }

    /** Plain-text tables for stdout. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        for (ModelSummary m : models) {
            sb.append(String.format(
                    Locale.ROOT,
                    "model %s: held-out deviance %.4f, overdispersion %.4f -> prior weight %.2f%n",
                    m.model(),
                    m.heldOutDeviance(),
                    m.overdispersion(),
                    m.weight()));
        }
        sb.append(String.format(
                Locale.ROOT,
                "%-28s %7s %7s %7s %8s %8s %8s %9s %5s %5s%n",
                "policy",
                "mean",
                "p10",
                "min",
                "7d mean",
                "7d p10",
                "7d min",
                "bad-new",
                "viol",
                "err"));
        for (Summary s : summaries()) {
            sb.append(summaryRow("%-28s %7.3f %7.3f %7.3f %8.3f %8.3f %8.3f %8.1f%% %5d %5d%n", s));
        }
        sb.append("paired difference vs ")
                .append(ColdStartBenchmark.NO_PRIORS)
                .append(" (mean [paired-t 95 %] [bootstrap 95 %], wins/losses/ties):\n");
        for (String p : comparedPolicies()) {
            sb.append(String.format(Locale.ROOT, "  %-26s share %s%n", p, text(shareGain(p))));
            sb.append(String.format(Locale.ROOT, "  %-26s 7-day %s%n", "", text(launchGain(p))));
            sb.append(String.format(Locale.ROOT, "  %-26s bad-new budget %s%n", "", text(badBudgetChange(p))));
        }
        for (String m : creativePairs()) {
            sb.append(String.format(
                    Locale.ROOT, "with - without creative features, %s: share %s%n", m, text(creativeShareGain(m))));
            sb.append(String.format(
                    Locale.ROOT, "with - without creative features, %s: 7-day %s%n", m, text(creativeLaunchGain(m))));
        }
        return sb.toString();
    }

    /** One policy's summary in {@code format}: policy, shares overall and over the first 7 days, bad-new budget. */
    private static String summaryRow(String format, Summary s) {
        return String.format(Locale.ROOT, format, s.cells());
    }

    /** Markdown tables for docs. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| policy | mean share | p10 | min | first 7 days: mean | p10 | min | budget on bad new ad sets "
                + "(first 7 days) | violations | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Summary s : summaries()) {
            sb.append(summaryRow("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f %% | %d | %d |%n", s));
        }
        sb.append("\n| vs `optimizer` (paired, ")
                .append(settings.scenarios())
                .append(" scenarios) | metric | mean "
                        + "difference | paired-t 95 % | bootstrap 95 % | wins / losses / "
                        + "ties |\n|---|---|---:|---:|---:|---:|\n");
        for (String p : comparedPolicies()) {
            sb.append(md(p, "share", shareGain(p)))
                    .append(md(p, "first-7-day share", launchGain(p)))
                    .append(md(p, "budget on bad new", badBudgetChange(p)));
        }
        return sb.toString();
    }

    /** One line per (scenario, policy). */
    public String csv() {
        StringBuilder sb = new StringBuilder(
                "scenario,label,policy,share,launch_share,bad_new_budget,bad_new_ad_sets," + "violations,errors\n");
        for (ColdStartRun r : runs) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%d,\"%s\",%s,%.6f,%.6f,%.6f,%d,%d,%d%n",
                    r.scenarioIndex(),
                    r.label(),
                    r.policy(),
                    r.share(),
                    r.launchShare(),
                    r.badNewBudget(),
                    r.badNewAdSets(),
                    r.violations(),
                    r.errors()));
        }
        return sb.toString();
    }

    private static String text(PairedDifference d) {
        return d.format("%+.4f [%+.4f, %+.4f] [%+.4f, %+.4f] %d/%d/%d");
    }

    private static String md(String policy, String metric, PairedDifference d) {
        return "| " + policy + " | " + metric + " | "
                + d.format("%+.4f | [%+.4f, %+.4f] | [%+.4f, %+.4f] | %d / %d / %d |%n");
    }

    private static double[] sorted(List<ColdStartRun> rs, ToDoubleFunction<ColdStartRun> f) {
        double[] v = rs.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        return v;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
