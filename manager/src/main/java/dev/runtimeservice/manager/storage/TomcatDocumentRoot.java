package dev.runtimeservice.manager.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps Tomcat's document root in the manager's run folder ({@code <server.tomcat.basedir>/docbase}, so
 * {@code run/tomcat/docbase}). Without it Spring Boot makes a new
 * {@code tomcat-docbase.<port>.*} folder in the system's temporary folder at every start and deletes it only on a
 * graceful stop, so each manager killed with kill -9 left one behind. The manager serves nothing from it.
 */
@Component
class TomcatDocumentRoot implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    private final Path folder;

    TomcatDocumentRoot(Environment environment) {
        this.folder = Path.of(environment.getProperty("server.tomcat.basedir", "run/tomcat"))
                .toAbsolutePath()
                .normalize()
                .resolve("docbase");
    }

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        try {
            // Only made to exist: a second manager that will stop on the state folder's lock gets here first.
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make Tomcat's document root " + folder, e);
        }
        factory.setDocumentRoot(folder.toFile());
    }
}
