package io.metasystem.mlcore.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * All {@link PolicyRun}s of a backtest, in scenario then policy order, and their summaries.
 *
 * @param seed      seed of the scenario family
 * @param scenarios number of scenarios
 * @param days      scored days per scenario
 * @param policies  policy names in run order
 * @param runs      one run per (scenario, policy)
 */
public record BacktestReport(long seed, int scenarios, int days, List<String> policies, List<PolicyRun> runs) {
    public BacktestReport {
        policies = List.copyOf(policies);
        runs = List.copyOf(runs);
    }

    /** Runs of one policy, in scenario order. */
    public List<PolicyRun> runsOf(String policy) {
        return runs.stream().filter(r -> r.policy().equals(policy)).toList();
    }

    /** One row per policy. */
    public List<PolicySummary> summaries() {
        List<PolicySummary> out = new ArrayList<>();
        List<PolicyRun> reference = policies.contains("clairvoyant") ? runsOf("clairvoyant") : null;
        for (String p : policies) {
            List<PolicyRun> rs = runsOf(p);
            double[] shares = rs.stream().mapToDouble(PolicyRun::share).sorted().toArray();
            double cpaRatio = Double.NaN;
            if (reference != null) {
                double s = 0;
                int k = 0;
                for (int i = 0; i < rs.size(); i++) {
                    double a = rs.get(i).realisedCpa();
                    double b = reference.get(i).realisedCpa();
                    if (Double.isFinite(a) && Double.isFinite(b) && b > 0) {
                        s += a / b;
                        k++;
                    }
                }
                cpaRatio = k > 0 ? s / k : Double.NaN;
            }
            out.add(new PolicySummary(
                    p,
                    rs.size(),
                    Arrays.stream(shares).average().orElse(Double.NaN),
                    quantile(shares, 0.10),
                    shares.length > 0 ? shares[0] : Double.NaN,
                    rs.stream().mapToDouble(PolicyRun::realisedConversions).sum()
                            / Math.max(
                                    1e-9,
                                    rs.stream()
                                            .mapToDouble(PolicyRun::optimumConversions)
                                            .sum()),
                    cpaRatio,
                    rs.stream().mapToDouble(PolicyRun::wastedShare).average().orElse(Double.NaN),
                    rs.stream().mapToInt(PolicyRun::violations).sum(),
                    rs.stream().mapToInt(PolicyRun::errors).sum()));
        }
        return out;
    }

    /**
     * Cumulative expected conversions of {@code policy} per day, each scenario normalised by the 28-day
     * (horizon) total of its day-by-day optimum, averaged over scenarios; ends at the mean share.
     */
    public double[] meanCumulativeShare(String policy) {
        double[] out = new double[days];
        List<PolicyRun> rs = runsOf(policy);
        for (PolicyRun r : rs) {
            double c = 0;
            for (int t = 0; t < days; t++) {
                c += r.dailyExpected()[t];
                out[t] += c / r.optimumConversions() / rs.size();
            }
        }
        return out;
    }

    /** The same for the day-by-day optimum (a straight-ish line to 1), averaged over all runs of {@code policy}. */
    public double[] meanCumulativeOptimum(String policy) {
        double[] out = new double[days];
        List<PolicyRun> rs = runsOf(policy);
        for (PolicyRun r : rs) {
            double c = 0;
            for (int t = 0; t < days; t++) {
                c += r.dailyOptimum()[t];
                out[t] += c / r.optimumConversions() / rs.size();
            }
        }
        return out;
    }

    /** A fixed-width text table of {@link #summaries()}. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%-16s %9s %9s %9s %10s %9s %9s %10s %6s%n",
                "policy",
                "mean",
                "p10",
                "min",
                "realised",
                "CPA/opt",
                "wasted",
                "violations",
                "errors"));
        for (PolicySummary s : summaries()) {
            sb.append(summaryRow("%-16s %9.3f %9.3f %9.3f %10.3f %9.3f %8.1f%% %10d %6d%n", s));
        }
        return sb.toString();
    }

    /** One policy's summary in {@code format}: policy, shares, CPA ratio, wasted percent, violations, errors. */
    private static String summaryRow(String format, PolicySummary s) {
        return String.format(
                Locale.ROOT,
                format,
                s.policy(),
                s.meanShare(),
                s.p10Share(),
                s.minShare(),
                s.realisedShare(),
                s.cpaVsClairvoyant(),
                100 * s.meanWastedShare(),
                s.violations(),
                s.errors());
    }

    /** A Markdown table of {@link #summaries()}. */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| policy | mean share | p10 share | min share | realised conv. / optimum | CPA / clairvoyant CPA "
                + "| budget on losers | violations | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PolicySummary s : summaries()) {
            sb.append(summaryRow("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f %% | %d | %d |%n", s));
        }
        return sb.toString();
    }

    /**
     * Mean share per policy by segment of the scenario label (account size, loose/tight budget, change cap or not),
     * as a Markdown table: where a policy wins or loses.
     */
    public String segmentTable() {
        Map<String, Predicate<String>> segments = new LinkedHashMap<>();
        segments.put("small", l -> l.startsWith("small/"));
        segments.put("medium", l -> l.startsWith("medium/"));
        segments.put("large", l -> l.startsWith("large/"));
        segments.put("loose", l -> l.contains("/loose/"));
        segments.put("tight", l -> l.contains("/tight/"));
        segments.put("change cap", l -> l.contains("/cap "));
        segments.put("no cap", l -> !l.contains("/cap "));
        StringBuilder sb = new StringBuilder("| policy |");
        StringBuilder rule = new StringBuilder("|---|");
        String first = policies.isEmpty() ? "" : policies.get(0);
        for (var e : segments.entrySet()) {
            long count = runsOf(first).stream()
                    .filter(r -> e.getValue().test(r.scenarioLabel()))
                    .count();
            sb.append(' ').append(e.getKey()).append(" (").append(count).append(") |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        for (String p : policies) {
            sb.append("| ").append(p).append(" |");
            for (var e : segments.values()) {
                double m = runsOf(p).stream()
                        .filter(r -> e.test(r.scenarioLabel()))
                        .mapToDouble(PolicyRun::share)
                        .average()
                        .orElse(Double.NaN);
                sb.append(String.format(Locale.ROOT, " %.3f |", m));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** CSV of every run, one line per (scenario, policy). */
    public String csv() {
        StringBuilder sb = new StringBuilder("scenario,label,adsets,policy,share,expected_conversions,"
                + "optimum_conversions,realised_conversions,spend,realised_cpa,wasted_share,"
                + "violations,errors,first_error\n");
        for (PolicyRun r : runs) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%d,\"%s\",%d,%s,%.5f,%.3f,%.3f,%.0f,%.2f,%.4f,%.5f,%d,%d,\"%s\"%n",
                    r.scenarioIndex(),
                    r.scenarioLabel(),
                    r.adSets(),
                    r.policy(),
                    r.share(),
                    r.expectedConversions(),
                    r.optimumConversions(),
                    r.realisedConversions(),
                    r.spend(),
                    r.realisedCpa(),
                    r.wastedShare(),
                    r.violations(),
                    r.errors(),
                    r.firstError() == null
                            ? ""
                            : r.firstError().replace('"', '\'').replace('\n', ' ')));
        }
        return sb.toString();
    }

    /** Linear-interpolation quantile (numpy's default) of sorted values; NaN when there are none. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * @param policy           name
     * @param scenarios        number of runs
     * @param meanShare        mean over scenarios of the share of the optimum's expected conversions
     * @param p10Share         10th percentile of that share
     * @param minShare         worst scenario
     * @param realisedShare    Σ realised conversions / Σ optimum expected conversions (noisy)
     * @param cpaVsClairvoyant mean over scenarios of realised CPA / the clairvoyant policy's realised CPA
     * @param meanWastedShare  mean share of spend on losers
     * @param violations       broken constraints, total
     * @param errors           days the policy threw, total
     */
    public record PolicySummary(
            String policy,
            int scenarios,
            double meanShare,
            double p10Share,
            double minShare,
            double realisedShare,
            double cpaVsClairvoyant,
            double meanWastedShare,
            int violations,
            int errors) {}
}
