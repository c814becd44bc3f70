package io.metasystem.mlcore.config;

import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns configuration failures into one line that names the environment variable, instead of Spring's
 * property path and stack trace. Values of secret variables are never echoed.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {
    private static final Map<String, String> VARIABLES = Map.of(
            "server.port", "PORT",
            "mlcore.port", "PORT",
            "mlcore.dummy-mode", "DUMMY_MODE",
            "mlcore.api-key", "API_KEY",
            "mlcore.max-request-size", "MAX_REQUEST_SIZE",
            "mlcore.store.database-url", "DATABASE_URL",
            "mlcore.store.max-import-size", "MAX_IMPORT_SIZE");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return analysis("Invalid configuration: " + invalid.getMessage(), invalid.variable());
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().startsWith("Unknown format '")) {
                return analysis("Invalid configuration: LOG_FORMAT must be ecs, logstash, gelf or empty (plain text)",
                        "LOG_FORMAT");
            }
            if (t instanceof BindValidationException validation) {
                String message = validation.getValidationErrors().getAllErrors().stream()
                        .map(error -> error instanceof FieldError field
                                ? variableOf(validation.getValidationErrors().getName() + "." + field.getField())
                                        + " " + field.getDefaultMessage()
                                : error.getDefaultMessage())
                        .findFirst().orElse("is not valid");
                String variable = message.split(" ", 2)[0];
                return analysis("Invalid configuration: " + message, variable);
            }
            String property = t instanceof BindException bind ? bind.getName().toString()
                    : t instanceof InvalidConfigurationPropertyValueException invalidValue ? invalidValue.getName() : null;
            if (property != null && !(t.getCause() instanceof BindValidationException)) {
                String variable = variableOf(property);
                String raw = System.getenv(variable);
                String value = raw == null || "API_KEY".equals(variable) || "DATABASE_URL".equals(variable) ? "" : "='" + raw + "'";
                return analysis("Invalid configuration: " + variable + value + " is not a valid value"
                        + expected(variable), variable);
            }
        }
        return null;
    }

    private static String variableOf(String property) {
        String kebab = property.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return VARIABLES.getOrDefault(kebab, property);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String expected(String variable) {
        return switch (variable) {
            case "PORT" -> " (expected a port number 0-65535)";
            case "DUMMY_MODE" -> " (expected true or false)";
            case "MAX_REQUEST_SIZE" -> " (expected a size such as 5MB)";
            case "MAX_IMPORT_SIZE" -> " (expected a size such as 50MB)";
            default -> "";
        };
    }

    private static FailureAnalysis analysis(String description, String variable) {
        return new FailureAnalysis(description, "Fix the environment variable " + variable + " and start again.", null);
    }
}
