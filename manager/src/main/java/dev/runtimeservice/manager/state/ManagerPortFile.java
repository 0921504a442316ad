package dev.runtimeservice.manager.state;

import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes the port the manager listens on to {@code manager.port} in its state folder once its web server listens,
 * next to {@code manager.lock} and its pid, and deletes it when the manager exits. With {@code PORT=0} the manager
 * takes any free port, atomically, and this file is how whoever started it (the test kit) learns which.
 */
@Configuration(proxyBeanMethods = false)
class ManagerPortFile {

    static final String NAME = "manager.port";

    @Bean
    WebServerPortFileWriter managerPortFileWriter(StateProperties properties) {
        return new WebServerPortFileWriter(properties.directory().resolve(NAME).toFile());
    }
}
