package io.metasystem.mlcore.web;

import io.metasystem.mlcore.ml.ModelRegistry;
import io.metasystem.mlcore.vision.VisionModelRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard/models}: the ML prior models (scope, status, held-out deviance, the registry's decision) and the
 * YOLO vision models (classes, input size, layout, status), newest first. Read-only: promotion and rollback stay on
 * the API, where they are audited by the registry's decision text.
 */
@Controller
class ModelsPageController {
    private final ModelRegistry models;
    private final VisionModelRegistry vision;

    ModelsPageController(ModelRegistry models, VisionModelRegistry vision) {
        this.models = models;
        this.vision = vision;
    }

    @GetMapping(Routes.MODELS)
    String models(Model model) {
        model.addAttribute("models", models.list(null));
        model.addAttribute("visionModels", vision.list());
        return "models";
    }
}
