package io.metasystem.mlcore.ml;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.optimizer.Prior;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Priors for ad sets from the champion model of a scope (used by the optimize endpoints' {@code use_model_priors}). */
@Service
public class ModelPriors {
    private final ModelRegistry registry;

    public ModelPriors(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The champion of a scope and its loaded predictor. */
    public record Champion(RegisteredModel model, ModelArtifact.Predictor predictor) {
        /**
         * Prior from string attributes: keys naming a numeric feature are parsed as decimals; the rest are
         * categorical.
         *
         * @throws InvalidInputException naming the attribute when a numeric value does not parse
         */
        public Prior prior(Map<String, String> attributes) {
            return predict(attributes).prior();
        }

        /**
         * Prior and the raw rates behind it (the prediction log keeps the rates).
         *
         * @throws InvalidInputException naming the attribute when a numeric value does not parse
         */
        public Prediction predict(Map<String, String> attributes) {
            Map<String, String> cats = new HashMap<>();
            Map<String, Double> nums = new HashMap<>();
            for (var e : attributes.entrySet()) {
                if (predictor.artifact().encoder().numericNames().contains(e.getKey())) {
                    try {
                        nums.put(e.getKey(), Double.parseDouble(e.getValue()));
                    } catch (NumberFormatException | NullPointerException ex) {
                        throw new InvalidInputException(e.getKey(), "must be a number, was " + e.getValue());
                    }
                } else {
                    cats.put(e.getKey(), e.getValue());
                }
            }
            double[] rates = predictor.rates(predictor.row(cats, nums));
            return new Prediction(predictor.prior(cats, nums), rates[0], rates[1]);
        }

        /** Names the model in responses and stored recommendations: {@code v<version>:<model id>}. */
        public String label() {
            return "v" + model.version() + ":" + model.modelId();
        }
    }

    /**
     * A model's prediction for one ad set.
     *
     * @param perSpend expected conversions per unit of spend
     * @param perClick expected conversions per click (not capped)
     */
    public record Prediction(Prior prior, double perSpend, double perClick) {}

    /** The champion of a scope, empty when the scope has none (or the scope is null). */
    public Optional<Champion> find(String scope) {
        if (scope == null || scope.isBlank()) {
            return Optional.empty();
        }
        return registry.champion(scope).map(m -> new Champion(m, registry.predictor(m.version())));
    }

    /** @throws NotFoundException if the scope has no champion */
    public Champion champion(String scope) {
        RegisteredModel m = registry.champion(scope)
                .orElseThrow(() -> new NotFoundException(
                        "champion", scope, "model_scope", "no champion model for scope " + scope));
        return new Champion(m, registry.predictor(m.version()));
    }
}
