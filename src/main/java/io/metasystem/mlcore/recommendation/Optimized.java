package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.ml.ModelPriors;
import io.metasystem.mlcore.optimizer.OptimizationProblem;
import io.metasystem.mlcore.optimizer.OptimizationResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An optimization done and not yet recorded: map it to an answer, then {@link Recommender#record} it (which also logs
 * the model's predictions under the new recommendation id).
 */
public final class Optimized {
    private final String accountId;
    private final OptimizationProblem problem;
    private final OptimizationResult result;
    private final History history;
    private final Optional<ModelPriorSelection.Selection> selection;
    private final List<ModelPriorSelection.Applied> applied;

    Optimized(
            String accountId,
            OptimizationProblem problem,
            OptimizationResult result,
            History history,
            Optional<ModelPriorSelection.Selection> selection,
            List<ModelPriorSelection.Applied> applied) {
        this.accountId = accountId;
        this.problem = problem;
        this.result = result;
        this.history = history;
        this.selection = selection;
        this.applied = List.copyOf(applied);
    }

    /** @return the account, stored spelling; null for a stateless call without one */
    public String accountId() {
        return accountId;
    }

    /** @return what was optimized */
    public OptimizationProblem problem() {
        return problem;
    }

    /** @return the optimizer's answer */
    public OptimizationResult result() {
        return result;
    }

    /** @return the history window of an optimization on stored history; null for a stateless call */
    public History history() {
        return history;
    }

    Optional<ModelPriorSelection.Selection> selection() {
        return selection;
    }

    List<ModelPriorSelection.Applied> applied() {
        return applied;
    }

    /** @return the model the answer names, or empty (no model priors asked for and none applied) */
    public Optional<ModelRef> model() {
        ModelPriors.Champion champion = ModelPriorSelection.named(selection, applied);
        return champion == null
                ? Optional.empty()
                : Optional.of(new ModelRef(
                        champion.model().version(), champion.model().modelId(), champion.label()));
    }

    /**
     * The stored history an optimization used.
     *
     * @param accountId the account, stored spelling
     * @param from first day, inclusive
     * @param to last day, inclusive (the latest stored day, or today without any)
     * @param lookbackDays the length of the window in days
     * @param campaignId the campaign the ad sets were limited to; null: every campaign
     */
    public record History(String accountId, LocalDate from, LocalDate to, int lookbackDays, String campaignId) {}

    /**
     * A model named in an answer.
     *
     * @param version registry version
     * @param modelId the model's id
     * @param label {@code v<version>:<model id>}, as stored with the recommendation
     */
    public record ModelRef(long version, String modelId, String label) {}
}
