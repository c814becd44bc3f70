package io.metasystem.mlcore.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Attaches the example payloads of {@code docs/examples/} (copied onto the class path at build time) to the
 * OpenAPI description, so the spec shows exactly the files the docs show — and a test keeps those files equal
 * to what the server really answers.
 */
@Component
class OpenApiExamples implements OpenApiCustomizer {
    /** operation path → (status or "request") → example file. */
    private static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "/api/v1/meta_ads/optimize",
            Map.of(
                    "request", "optimize-request.json",
                    "200", "optimize-response.json",
                    "400", "optimize-400.json",
                    "422", "optimize-422.json"));

    private final ObjectMapper mapper;

    OpenApiExamples(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void customise(OpenAPI openApi) {
        EXAMPLES.forEach((path, files) -> {
            PathItem item =
                    openApi.getPaths() == null ? null : openApi.getPaths().get(path);
            if (item == null || item.getPost() == null) {
                return;
            }
            Operation post = item.getPost();
            files.forEach((key, file) -> {
                Object value = read(file);
                if (value == null) {
                    return;
                }
                Content content = key.equals("request")
                        ? post.getRequestBody() == null
                                ? null
                                : post.getRequestBody().getContent()
                        : contentOf(
                                post.getResponses() == null
                                        ? null
                                        : post.getResponses().get(key));
                if (content != null) {
                    for (MediaType media : content.values()) {
                        media.addExamples(file.replace(".json", ""), new Example().value(value));
                    }
                }
            });
        });
    }

    private static Content contentOf(ApiResponse response) {
        return response == null ? null : response.getContent();
    }

    private Object read(String file) {
        ClassPathResource resource = new ClassPathResource("examples/" + file);
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return mapper.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
