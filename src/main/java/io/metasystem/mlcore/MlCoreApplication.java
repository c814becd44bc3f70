package io.metasystem.mlcore;

import io.metasystem.mlcore.cli.MlCoreCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the HTTP service; see README.md for configuration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MlCoreApplication {
    public static void main(String[] args) {
        if (MlCoreCli.handles(args)) {
            System.exit(MlCoreCli.run(args));
        }
        SpringApplication.run(MlCoreApplication.class, args);
    }
}
