package io.metasystem.mlcore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the HTTP service; see README.md for configuration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MlCoreApplication {
    public static void main(String[] args) {
        SpringApplication.run(MlCoreApplication.class, args);
    }
}
