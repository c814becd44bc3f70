package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.ml.MlProperties;
import io.metasystem.mlcore.ml.ModelPriors;
import io.metasystem.mlcore.ml.ModelStatus;
import io.metasystem.mlcore.ml.RegisteredModel;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default rule of model priors: model_scope, then account:&lt;id&gt;, then ML_DEFAULT_SCOPE; false switches it
 * off.
 */
class ModelPriorSelectionTest {
    /** Champions exist for the given scopes only (no registry, no artifacts: the rule only needs the scope). */
    static ModelPriors priors(Set<String> champions) {
        return new ModelPriors(null) {
            @Override
            public Optional<Champion> find(String scope) {
                return champions.contains(scope) ? Optional.of(champion(scope)) : Optional.empty();
            }

            @Override
            public Champion champion(String scope) {
                if (!champions.contains(scope)) {
                    throw new NotFoundException(
                            "champion", scope, "model_scope", "no champion model for scope " + scope);
                }
                return new Champion(
                        new RegisteredModel(1, scope, "m", "sha", "key", 1, ModelStatus.CHAMPION, "", null, null),
                        null);
            }
        };
    }

    static ModelPriorSelection selection(Set<String> champions, String defaultScope) {
        return new ModelPriorSelection(
                priors(champions), new MlProperties("d", 0.01, "-", "f", "s", "csv", null, defaultScope, 600), null);
    }

    static String scope(Optional<ModelPriorSelection.Selection> s) {
        return s.map(x -> x.champion().model().scope() + (x.explicit() ? " (explicit)" : ""))
                .orElse("none");
    }

    @Test
    void omittedUsesTheFirstScopeWithAChampion() {
        ModelPriorSelection rule = selection(Set.of("kag", "account:a1", "fallback"), "fallback");
        assertThat(scope(rule.select(null, "kag", "a1"))).isEqualTo("kag");
        assertThat(scope(rule.select(null, "nothing", "a1"))).isEqualTo("account:a1");
        assertThat(scope(rule.select(null, null, "a2"))).isEqualTo("fallback");
        assertThat(scope(rule.select(null, null, null))).isEqualTo("fallback");
        assertThat(scope(selection(Set.of("kag"), null).select(null, null, "a1")))
                .isEqualTo("none");
        assertThat(scope(selection(Set.of(), "fallback").select(null, "kag", "a1")))
                .isEqualTo("none");
    }

    @Test
    void falseSwitchesItOffAndTrueInsistsOnAChampion() {
        ModelPriorSelection rule = selection(Set.of("kag", "account:a1"), null);
        assertThat(scope(rule.select(false, "kag", "a1"))).isEqualTo("none");
        assertThat(scope(rule.select(true, "kag", null))).isEqualTo("kag (explicit)");
        assertThat(scope(rule.select(true, null, "a1"))).isEqualTo("account:a1 (explicit)");
        assertThatThrownBy(() -> rule.select(true, "nothing", "a1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rule.select(true, null, "a2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model_scope");
    }
}
