package io.metasystem.mlcore.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** OpenAPI 3.1 description served at {@code /v3/api-docs} and rendered at {@code /docs}. */
@Configuration
class OpenApiConfig {
    static final String API_KEY_SCHEME = "apiKey";
    static final String BEARER_SCHEME = "bearer";

    /**
     * Tag of every operation by path prefix, first match wins (so the Meta routes under {@code /recommendations}
     * and {@code /accounts} come before those groups). Tags name the endpoint groups of docs/api.md; an operation
     * outside every prefix keeps springdoc's tag, which ApiExamplesTest refuses when it is a generated
     * {@code *-controller} name.
     */
    static final Map<String, String> TAG_BY_PATH_PREFIX = tagsByPathPrefix();

    /** Description of each tag, in the order the spec lists them. */
    static final Map<String, String> TAGS = tags();

    private static Map<String, String> tagsByPathPrefix() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/health", "health");
        m.put("/api/v1/meta_ads/optimize", "optimize");
        m.put("/api/v1/accounts/{account_id}/optimize", "optimize");
        m.put("/api/v1/accounts/{account_id}/sync", "meta");
        m.put("/api/v1/recommendations/{id}/apply", "meta");
        m.put("/api/v1/jobs", "meta");
        m.put("/api/v1/audit", "meta");
        m.put("/api/v1/accounts/{account_id}/anomalies", "alerts");
        m.put("/api/v1/accounts/{account_id}/adsets/{adset_id}/creatives", "vision");
        m.put("/api/v1/accounts", "store");
        m.put("/api/v1/recommendations", "recommendations");
        m.put("/api/v1/ml", "ml");
        m.put("/api/v1/webhooks", "webhooks");
        m.put("/api/v1/anomalies", "alerts");
        m.put("/api/v1/alerts", "alerts");
        m.put("/api/v1/artists", "reporting");
        m.put("/api/v1/vision", "vision");
        return m;
    }

    private static Map<String, String> tags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("optimize", "Budget per ad set from metrics sent in the request or from stored history");
        m.put("store", "Import Meta insights (JSON, Ads Manager CSV); accounts, ad sets, insights, attributes");
        m.put("recommendations", "Every optimize answer, and what happened afterwards (outcome)");
        m.put("meta", "Meta Marketing API connector: sync jobs, apply with guardrails, audit");
        m.put("ml", "Training jobs, model registry (promote, rollback), priors, model performance");
        m.put("webhooks", "Signed inbound n8n actions; outbound events and their delivery");
        m.put("alerts", "Outliers and deviations (stateless or on stored insights); stateful alerts, silences, scans");
        m.put("reporting", "Artists, Spotify for Artists and YouTube imports, events, joined report, attribution");
        m.put("vision", "YOLO ONNX models: registry (promote, rollback), detection, COCO evaluation, creatives");
        m.put("health", "Liveness and readiness");
        return m;
    }

    /** The tag of an operation path, or null when no prefix of {@link #TAG_BY_PATH_PREFIX} matches. */
    static String tagOf(String path) {
        for (Map.Entry<String, String> e : TAG_BY_PATH_PREFIX.entrySet()) {
            String prefix = e.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Names every operation's tag by its path (docs/api.md's endpoint groups), independent of the controller that
     * serves it; lists the tags in use with their descriptions.
     */
    @Bean
    OpenApiCustomizer namedTags() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            Set<String> used = new LinkedHashSet<>();
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        String tag = tagOf(path);
                        if (tag != null) {
                            operation.setTags(new ArrayList<>(List.of(tag)));
                        }
                        if (operation.getTags() != null) {
                            used.addAll(operation.getTags());
                        }
                    }));
            List<Tag> listed = new ArrayList<>();
            TAGS.forEach((name, description) -> {
                if (used.remove(name)) {
                    listed.add(new Tag().name(name).description(description));
                }
            });
            used.forEach(name -> listed.add(new Tag().name(name)));
            openApi.setTags(listed);
        };
    }

    /**
     * Schemas in snake_case like the wire format. swagger-core reads models with its own Jackson 2 mapper, which
     * does not see the application's (Jackson 3) naming strategy.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI mlCoreOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("ML Core")
                        .version("v1")
                        .description("Decides how to split a daily Meta ads budget across ad sets, and explains why: "
                                + "Bayesian posteriors, diminishing returns, risk penalty, "
                                + "Thompson-sampling exploration "
                                + "and early stop. Every /api route needs the API key (X-API-Key or "
                                + "Authorization: Bearer). "
                                + "Errors are RFC 9457 application/problem+json.")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyFilter.HEADER))
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
