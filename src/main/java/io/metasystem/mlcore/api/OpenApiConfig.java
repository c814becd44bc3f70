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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** OpenAPI 3.1 description served at {@code /v3/api-docs} and rendered at {@code /docs}. */
@Configuration
class OpenApiConfig {
    static final String API_KEY_SCHEME = "apiKey";
    static final String BEARER_SCHEME = "bearer";

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
