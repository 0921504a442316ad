package dev.runtimeservice.agent.kendra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The running agent on a random port, with a home of its own, a {@code sharepoint} resource, and a manager URL
 * where nothing listens (a port that was free), so that indexing from vfs meets an unreachable manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AgentHttpTest {

    static final Path HOME = createHome();
    static final String ABSENT_MANAGER = "http://127.0.0.1:" + freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("agent.home", HOME::toString);
        registry.add(
                "agent.resources-file", () -> HOME.resolve("resources.json").toString());
        registry.add("agent.manager-url", () -> ABSENT_MANAGER);
    }

    RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createHome() {
        try {
            // Under target/, not deleted after a class: the cached context serves several classes.
            Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
            Path home = Files.createTempDirectory(target, "kendra-home");
            Files.writeString(
                    home.resolve("resources.json"),
                    "{\"id\": \"launch-1\", \"name\": \"kendra\", "
                            + "\"resources\": {\"sharepoint\": {\"url\": \"https://example.com\", \"password\": \"s3cr3t\"}}}");
            return home;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
