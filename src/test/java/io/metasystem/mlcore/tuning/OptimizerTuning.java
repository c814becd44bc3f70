package io.metasystem.mlcore.tuning;

import io.metasystem.mlcore.optimizer.BudgetOptimizer;
import io.metasystem.mlcore.optimizer.EarlyStopRules;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizerSettings;
import io.metasystem.mlcore.simulation.Backtest;
import io.metasystem.mlcore.simulation.BacktestReport;
import io.metasystem.mlcore.simulation.ClairvoyantPolicy;
import io.metasystem.mlcore.simulation.OptimizerPolicy;
import io.metasystem.mlcore.simulation.Policies;
import io.metasystem.mlcore.simulation.Policy;
import io.metasystem.mlcore.simulation.PolicyContext;
import io.metasystem.mlcore.simulation.ScenarioGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: a main that backtests optimizer settings on the simulated market over several seeds.
 * {@code java -cp <test classpath> io.metasystem.mlcore.tuning.OptimizerTuning <scenarios> <seeds...>}
 */
public final class OptimizerTuning {
    private OptimizerTuning() {}

    record Named(String name, OptimizerSettings settings, double halfLife, EarlyStopRules stop) {
        Named(String name, OptimizerSettings settings, double halfLife) {
            this(name, settings, halfLife, EarlyStopRules.DEFAULT);
        }
    }

    static Policy policy(Named n) {
        OptimizerPolicy inner = new OptimizerPolicy(new BudgetOptimizer(n.settings()), 0.0, n.stop(), n.halfLife());
        return new Policy() {
            @Override
            public String name() {
                return n.name();
            }

            @Override
            public double[] allocate(PolicyContext context) {
                return inner.allocate(context);
            }
        };
    }

    public static void main(String[] args) {
        int scenarios = Integer.parseInt(args[0]);
        String mode = args[1];
        List<Long> seeds = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            seeds.add(Long.parseLong(args[i]));
        }
        OptimizerSettings d = OptimizerSettings.DEFAULT;
        List<Named> variants = new ArrayList<>();
        variants.add(new Named("default", d, OptimizationProblem.DEFAULT_HALF_LIFE_DAYS));
        switch (mode) {
            case "explore" -> {
                variants.add(new Named("expl0", d.withExploration(0.0, 0.0), 7));
                variants.add(new Named("expl.25", d.withExploration(0.25, 0.3), 7));
                variants.add(new Named("expl1", d.withExploration(1.0, 0.3), 7));
            }
            case "halflife" -> {
                variants.add(new Named("hl4", d, 4));
                variants.add(new Named("hl10", d, 10));
                variants.add(new Named("hl14", d, 14));
            }
            case "theta" -> {
                variants.add(new Named("thSd.3", d.withTheta(0.7, 0.3, 20), 7));
                variants.add(new Named("thSd.08", d.withTheta(0.7, 0.08, 20), 7));
                variants.add(new Named("th.6", d.withTheta(0.6, 0.15, 20), 7));
                variants.add(new Named("th.8", d.withTheta(0.8, 0.15, 20), 7));
            }
            case "prior" -> {
                variants.add(new Named("nofunnel", d.withPriorShape(2, 50, 4, false), 7));
                variants.add(new Named("shape1-20", d.withPriorShape(2, 20, 4, true), 7));
                variants.add(new Named("shape5", d.withPriorShape(5, 50, 5, true), 7));
            }
            case "stop" -> {
                variants.add(new Named("es-off", d, 7, new EarlyStopRules(false, 0.95, 2.0)));
                variants.add(new Named("starve.05", d.withStarvedShare(0.05), 7));
                variants.add(new Named("starve.02", d.withStarvedShare(0.02), 7));
            }
            case "theta2" -> {
                OptimizerSettings s5 = d.withStarvedShare(0.05);
                variants.add(new Named("s5", s5, 7));
                variants.add(new Named("s5-th.6", s5.withTheta(0.6, 0.15, 20), 7));
                variants.add(new Named("s5-th.6w60", s5.withTheta(0.6, 0.15, 60), 7));
                variants.add(new Named("s5-th.55", s5.withTheta(0.55, 0.15, 20), 7));
                variants.add(new Named("s5-th.6sd.1", s5.withTheta(0.6, 0.1, 20), 7));
            }
            case "theta3" -> {
                OptimizerSettings s5 = d.withStarvedShare(0.05);
                variants.add(new Named("s5", s5, 7));
                variants.add(new Named("s5-w5sd.1", s5.withTheta(0.7, 0.1, 5), 7));
                variants.add(new Named("s5-w5sd.15", s5.withTheta(0.7, 0.15, 5), 7));
                variants.add(new Named("s5-w2sd.07", s5.withTheta(0.7, 0.07, 2), 7));
            }
            case "disp" -> {
                variants.add(new Named("nodisp", d.withOverdispersion(false), 7));
                variants.add(new Named("th.8", d.withTheta(0.8, 0.15, 20), 7));
                variants.add(new Named("th.8nodisp", d.withTheta(0.8, 0.15, 20).withOverdispersion(false), 7));
            }
            case "theta4" -> {
                variants.add(new Named("sd.08", d.withTheta(0.7, 0.08, 20), 7));
                variants.add(new Named("sd.05", d.withTheta(0.7, 0.05, 20), 7));
                variants.add(new Named("sd.08w5", d.withTheta(0.7, 0.08, 5), 7));
                variants.add(new Named("sd.08th.75", d.withTheta(0.75, 0.08, 20), 7));
                variants.add(
                        new Named("sd.08expl.25", d.withTheta(0.7, 0.08, 20).withExploration(0.25, 0.3), 7));
            }
            case "clicks" -> {
                variants.add(new Named("clk5", d.withClickPseudo(5), 7));
                variants.add(new Named("clk100", d.withClickPseudo(100), 7));
                variants.add(new Named("shape2-20d3", d.withPriorShape(2, 20, 3, true), 7));
                variants.add(new Named("shape3-100", d.withPriorShape(3, 100, 4, true), 7));
            }
            case "theta5" -> {
                variants.add(new Named("max.9", d.withThetaRange(0.3, 0.9), 7));
                variants.add(new Named("th.65", d.withTheta(0.65, 0.08, 20), 7));
                variants.add(
                        new Named("th.65max.85", d.withTheta(0.65, 0.08, 20).withThetaRange(0.3, 0.85), 7));
                variants.add(new Named("shape4-50", d.withPriorShape(4, 50, 4, true), 7));
            }
            case "theta6" -> {
                variants.add(new Named("max.9", d.withThetaRange(0.3, 0.9), 7));
                variants.add(new Named("max.85", d.withThetaRange(0.3, 0.85), 7));
                variants.add(
                        new Named("max.9expl.25", d.withThetaRange(0.3, 0.9).withExploration(0.25, 0.3), 7));
            }
            case "cvr" -> {
                variants.add(new Named("v0.1", d.withCvrHalfLife(1, 1.0), 7));
                variants.add(new Named("capExpl0", d.withCvrHalfLife(1, 0.0), 7));
                variants.add(new Named("cvr2", d.withCvrHalfLife(2, 0.0), 7));
                variants.add(new Named("cvrInf", d.withCvrHalfLife(1000, 0.0), 7));
            }
            case "decomp" -> {
                variants.add(new Named("expl0", d.withExploration(0.0, 0.0), 7));
                variants.add(new Named("es-off", d, 7, new EarlyStopRules(false, 0.95, 2.0)));
                variants.add(new Named("v0.1", d.withCvrHalfLife(1, 1.0), 7));
            }
            case "refs" -> {}
            default -> throw new IllegalArgumentException(mode);
        }
        List<Policy> policies = new ArrayList<>();
        variants.forEach(v -> policies.add(policy(v)));
        if (mode.equals("decomp")) {
            policies.add(new LocalPowerOracle("oracle-local-power", 0.01, 0.999, Double.NaN));
            policies.add(new LocalPowerOracle("oracle-power-clamp.3-.9", 0.3, 0.9, Double.NaN));
            policies.add(new LocalPowerOracle("oracle-power-theta.7", 0.3, 0.9, 0.7));
            policies.add(new ClairvoyantPolicy());
        }
        if (mode.equals("refs")) {
            policies.addAll(Policies.references());
        }
        double[] sums = new double[policies.size()];
        for (long seed : seeds) {
            BacktestReport report = new Backtest(new ScenarioGenerator(), policies, 28).run(seed, scenarios, k -> {});
            StringBuilder sb = new StringBuilder("seed " + seed + ":");
            for (int i = 0; i < policies.size(); i++) {
                double share = report.runsOf(policies.get(i).name()).stream()
                        .mapToDouble(r -> r.share())
                        .average()
                        .orElse(Double.NaN);
                int viol = report.runsOf(policies.get(i).name()).stream()
                        .mapToInt(r -> r.violations())
                        .sum();
                int err = report.runsOf(policies.get(i).name()).stream()
                        .mapToInt(r -> r.errors())
                        .sum();
                sums[i] += share / seeds.size();
                sb.append(String.format(
                        Locale.ROOT,
                        " %s=%.4f%s",
                        policies.get(i).name(),
                        share,
                        viol + err > 0 ? "(v" + viol + ",e" + err + ")" : ""));
            }
            System.out.println(sb);
        }
        StringBuilder sb = new StringBuilder("MEAN:");
        for (int i = 0; i < policies.size(); i++) {
            sb.append(String.format(Locale.ROOT, " %s=%.4f", policies.get(i).name(), sums[i]));
        }
        System.out.println(sb);
    }
}
