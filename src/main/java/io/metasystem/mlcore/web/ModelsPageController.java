package io.metasystem.mlcore.web;

import io.metasystem.mlcore.ml.ModelRegistry;
import io.metasystem.mlcore.ml.RegisteredModel;
import io.metasystem.mlcore.vision.VisionModelRegistry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /dashboard/models}: the ML prior models (scope, status, held-out deviance, the registry's decision) and the
 * YOLO vision models (classes, input size, layout, status), newest first. Read-only: promotion and rollback stay on
 * the API, where they are audited by the registry's decision text.
 */
@Controller
class ModelsPageController {
    private final ModelRegistry models;
    private final VisionModelRegistry vision;

    private final MessageSource messages;

    ModelsPageController(ModelRegistry models, VisionModelRegistry vision, MessageSource messages) {
        this.models = models;
        this.vision = vision;
        this.messages = messages;
    }

    /**
     * The held-out deviance the registry stored for each version, in registration order, one line per scope (null at
     * the other scopes' versions, joined over them).
     */
    static String devianceChart(List<RegisteredModel> newestFirst, String label) {
        List<RegisteredModel> ordered = newestFirst.stream()
                .sorted(Comparator.comparingLong(RegisteredModel::version))
                .toList();
        ChartData chart =
                ChartData.versions(ordered.stream().map(m -> "v" + m.version()).toList());
        Set<String> scopes = new LinkedHashSet<>();
        ordered.forEach(m -> scopes.add(m.scope()));
        for (String scope : scopes) {
            List<Double> values = new ArrayList<>();
            ordered.forEach(m -> values.add(scope.equals(m.scope()) ? m.holdoutDeviance() : null));
            chart.series(label + " · " + scope, "line", 0, "count", values);
        }
        return chart.json();
    }

    @GetMapping(Routes.MODELS)
    String models(Model model, Locale locale) {
        List<RegisteredModel> all = models.list(null);
        model.addAttribute("models", all);
        if (!all.isEmpty()) {
            model.addAttribute(
                    "devianceChart", devianceChart(all, messages.getMessage("models.deviance", null, locale)));
        }
        model.addAttribute("visionModels", vision.list());
        return "models";
    }
}
