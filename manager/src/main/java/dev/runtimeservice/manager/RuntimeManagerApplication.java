package dev.runtimeservice.manager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Runtime Service control plane: launches, lists and stops agents as child processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RuntimeManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RuntimeManagerApplication.class, args);
    }
}
