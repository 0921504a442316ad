package dev.runtimeservice.manager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Runtime Service control plane: launches, lists and stops agents as child processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RuntimeManagerApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(RuntimeManagerApplication.class, args);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // how the build's Spring AOT processing stops the run once it has the bean definitions
        } catch (RuntimeException e) {
            // Spring Boot has already said why (its failure analysis). Exit now: a library thread that is not a daemon
            // (the MCP SDK's session sweeper runs on a Reactor single scheduler it never disposes) would otherwise
            // keep the JVM of a manager that failed to start alive for ever.
            System.exit(1);
        }
    }
}
