package io.metasystem.mlcore.config;

import io.metasystem.mlcore.MlCoreApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Starts the real application with command-line properties and returns the analysis of its start-up failure. */
final class StartupFailures {
    private StartupFailures() {}

    /**
     * @param properties {@code name=value} pairs; they override the defaults (random port, plain logs, a valid key)
     * @return the analysis our {@link ConfigurationFailureAnalyzer} gives the failure
     */
    static FailureAnalysis startWith(String... properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mlcore.port", "0");
        settings.put("mlcore.api-key", "test-key-0123456789abcdef");
        settings.put("logging.structured.format.console", "");
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        String[] args = settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        Throwable failure = catchThrowable(() ->
                new SpringApplicationBuilder(MlCoreApplication.class).run(args).close());
        assertThat(failure).as("start-up should fail").isNotNull();
        FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("failure is analysed: " + failure).isNotNull();
        return analysis;
    }
}
