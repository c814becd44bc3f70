package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.ml.MlProperties;
import io.metasystem.mlcore.ml.ModelPriors;
import io.metasystem.mlcore.ml.PredictionLog;
import io.metasystem.mlcore.ml.Scopes;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which champion, if any, fills the priors of an optimize call (docs/ml.md, "Model priors by default"), and the log
 * of the predictions it made.
 *
 * <ul>
 *   <li>{@code use_model_priors: false}: none.</li>
 *   <li>{@code use_model_priors: true}: the champion of {@code model_scope} (404 when it has none); without
 *       {@code model_scope}, the first default scope below that has a champion (400 when none has).</li>
 *   <li>omitted: the first of {@code model_scope}, {@code account:<account_id>}, {@code ML_DEFAULT_SCOPE} that has a
 *       champion; none = no model priors, and the answer is exactly what it was before models existed.</li>
 * </ul>
 * Only ad sets with attributes and without an explicit prior get a model prior.
 */
@Component
class ModelPriorSelection {
    private final ModelPriors priors;
    private final MlProperties properties;
    private final PredictionLog log;

    ModelPriorSelection(ModelPriors priors, MlProperties properties, PredictionLog log) {
        this.priors = priors;
        this.properties = properties;
        this.log = log;
    }

    /**
     * The champion to use.
     *
     * @param explicit true when the caller asked for model priors (the answer then names the model even if no ad set
     *                 got a prior); false when it is the default rule (named only if a prior was applied)
     */
    record Selection(ModelPriors.Champion champion, boolean explicit) {}

    /** A prior the model gave one ad set, for the prediction log. */
    record Applied(String adsetId, LocalDate day, ModelPriors.Prediction prediction) {}

    /**
     * @param accountId nullable (stateless call without {@code account_id})
     * @throws InvalidInputException naming model_scope when priors are asked for and no scope has a champion
     */
    Optional<Selection> select(Boolean use, String modelScope, String accountId) {
        if (Boolean.FALSE.equals(use)) {
            return Optional.empty();
        }
        String scope = modelScope == null || modelScope.isBlank() ? null : Scopes.canonical(modelScope);
        if (Boolean.TRUE.equals(use)) {
            if (scope != null) {
                return Optional.of(new Selection(priors.champion(scope), true));
            }
            return defaults(accountId).map(c -> new Selection(c, true)).or(() -> {
                throw new InvalidInputException(
                        "model_scope",
                        "is required when use_model_priors is true and " + "no default scope ("
                                + String.join(", ", defaultScopes(accountId)) + ") has a champion");
            });
        }
        Optional<ModelPriors.Champion> chosen = scope != null ? priors.find(scope) : Optional.empty();
        return chosen.or(() -> defaults(accountId)).map(c -> new Selection(c, false));
    }

    private Optional<ModelPriors.Champion> defaults(String accountId) {
        for (String scope : defaultScopes(accountId)) {
            Optional<ModelPriors.Champion> c = priors.find(scope);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private List<String> defaultScopes(String accountId) {
        List<String> scopes = new ArrayList<>();
        if (accountId != null) {
            scopes.add(Scopes.ofAccount(accountId));
        }
        if (properties.defaultScope() != null) {
            scopes.add(properties.defaultScope());
        }
        return scopes;
    }

    /**
     * A model prior for one ad set's attributes.
     *
     * @param path JSON path of the attributes, for the 400 when a numeric attribute does not parse
     */
    static ModelPriors.Prediction predict(ModelPriors.Champion champion, Map<String, String> attributes, String path) {
        try {
            return champion.predict(attributes);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(p -> new FieldProblem(path + "." + p.field(), p.message()))
                    .toList());
        }
    }

    /**
     * The champion an answer names: the selected one when the caller asked for model priors, or when the default
     * rule applied at least one prior; else none (so answers without any model prior stay as they were).
     */
    static ModelPriors.Champion named(Optional<Selection> selection, List<Applied> applied) {
        return selection
                .filter(s -> s.explicit() || !applied.isEmpty())
                .map(Selection::champion)
                .orElse(null);
    }

    /** Logs the predictions of an answer that has an account (without one, nothing can be scored later). */
    void log(Selection selection, String accountId, List<Applied> applied, String recommendationId) {
        if (accountId == null) {
            return;
        }
        for (Applied a : applied) {
            log.record(
                    selection.champion().model().version(),
                    accountId,
                    a.adsetId(),
                    a.day(),
                    a.prediction().perSpend(),
                    a.prediction().perClick(),
                    recommendationId);
        }
    }
}
