package io.metasystem.mlcore.api;

import io.metasystem.mlcore.config.MlCoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Liveness/readiness for Railway and humans: open, no key, backed by Actuator's health contributors. */
@RestController
@Tag(name = "health")
class HealthController {
    private final HealthEndpoint health;
    private final MlCoreProperties properties;
    private final String version;

    HealthController(HealthEndpoint health, MlCoreProperties properties, ObjectProvider<BuildProperties> build) {
        this.health = health;
        this.properties = properties;
        BuildProperties info = build.getIfAvailable();
        this.version = info == null ? "dev" : info.getVersion();
    }

    @GetMapping(value = "/health", produces = "application/json")
    @SecurityRequirements
    @Operation(
            summary = "Service health",
            description = "UP when the service and its dependencies are healthy. No API key needed.")
    ResponseEntity<Map<String, Object>> health() {
        String status = health.health().getStatus().getCode();
        HttpStatus http = "UP".equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(http)
                .body(Map.of("status", status, "version", version, "dummy_mode", properties.dummyMode()));
    }
}
