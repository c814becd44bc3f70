package io.metasystem.mlcore.simulation;

import io.metasystem.mlcore.optimizer.AdSetInput;
import io.metasystem.mlcore.optimizer.AdSetStatus;
import io.metasystem.mlcore.optimizer.Objective;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.Prior;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptimizerPolicyTest {

    /** Records every context it is given and splits equally. */
    static final class Spy implements Policy {
        final List<PolicyContext> seen = new ArrayList<>();
        final Policy delegate = new MetaRulesPolicy();

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public double[] allocate(PolicyContext context) {
            seen.add(context);
            return delegate.allocate(context);
        }
    }

    @Test
    void buildsTheRequestTheApiWouldSend() {
        ScenarioGenerator generator = new ScenarioGenerator();
        for (int k = 0; k < 10; k++) {
            MarketScenario scenario = generator.generate(1, k);
            Spy spy = new Spy();
            new Backtest(generator, List.of(spy), 14).run(spy, scenario);
            OptimizerPolicy policy = new OptimizerPolicy();
            for (PolicyContext ctx : spy.seen) {
                OptimizationProblem p = policy.problem(ctx);
                assertThat(p.objective()).isEqualTo(Objective.CONVERSIONS);
                assertThat(p.budget().total()).isEqualTo(scenario.constraints().total());
                assertThat(p.budget().minPerAdSet())
                        .isEqualTo(scenario.constraints().minPerAdSet());
                assertThat(p.budget().maxPerAdSet())
                        .isEqualTo(scenario.constraints().maxPerAdSet());
                assertThat(p.budget().maxChangeRatio())
                        .isEqualTo(scenario.constraints().maxChangeRatio());
                assertThat(p.targets().cpa()).isEqualTo(scenario.constraints().targetCpa());
                assertThat(p.seed()).isEqualTo(Seeds.mix(scenario.seed(), ctx.day()));
                assertThat(p.adSets()).hasSameSizeAs(ctx.adSets());
                for (int i = 0; i < p.adSets().size(); i++) {
                    AdSetInput in = p.adSets().get(i);
                    AdSetView view = ctx.adSets().get(i);
                    assertThat(in.daily()).isEqualTo(view.daily());
                    assertThat(in.currentBudget()).isEqualTo(view.currentBudget());
                    assertThat(in.status()).isEqualTo(view.status());
                    if (in.status() == AdSetStatus.PAUSED) {
                        assertThat(in.currentBudget()).isNull();
                    }
                }
            }
            int longest = spy.seen.get(13).adSets().stream()
                    .mapToInt(a -> a.daily().size())
                    .max()
                    .orElse(0);
            assertThat(longest).as("warm-up plus 13 observed days").isEqualTo(scenario.warmupDays() + 13);
        }
    }

    @Test
    void attachesTheLookedUpPriorToItsAdSetOnly() {
        ColdStartScenario cold = new ColdStartScenarioGenerator().generate(1, 0);
        String fresh = cold.newAdSets().iterator().next();
        Prior prior = new Prior(12.0, 0.05, null, 2.5, "ml:test");
        Spy spy = new Spy();
        new Backtest(new ScenarioGenerator(), List.of(spy), cold.launchDay() + 2).run(spy, cold.scenario());
        OptimizerPolicy policy = new OptimizerPolicy(
                "optimizer+priors", (seed, id) -> seed == cold.scenario().seed() && id.equals(fresh) ? prior : null);
        assertThat(policy.name()).isEqualTo("optimizer+priors");
        PolicyContext launch = spy.seen.get(cold.launchDay());
        OptimizationProblem p = policy.problem(launch);
        for (AdSetInput in : p.adSets()) {
            assertThat(in.prior()).isEqualTo(in.id().equals(fresh) ? prior : null);
        }
        assertThat(p.adSets().stream()
                        .filter(a -> a.id().equals(fresh))
                        .findFirst()
                        .orElseThrow()
                        .isNew())
                .isTrue();
        assertThat(new OptimizerPolicy().problem(launch).adSets()).allMatch(a -> a.prior() == null);
    }
}
