package dev.runtimeservice.agent.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VfsAgentApplicationTests {

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("agent.home", home::toString);
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void rootNamesTheAgentAndSaysHonestlyWhatItCanDo() {
        client().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("vfs")
                .jsonPath("$.description").isEqualTo(VfsAgentApplication.DESCRIPTION)
                .jsonPath("$.version").isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void agentCardDeclaresOneSkillPerFileOperation() {
        client().get().uri("/.well-known/agent-card.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.protocolVersion").isEqualTo("0.3.0")
                .jsonPath("$.name").isEqualTo("vfs")
                .jsonPath("$.description").isEqualTo(VfsAgentApplication.DESCRIPTION)
                .jsonPath("$.skills.length()").isEqualTo(8)
                .jsonPath("$.skills[?(@.id == 'vfs.write')].inputModes[0]").isEqualTo("*/*");
    }

    @Test
    void theDataRootIsCreatedUnderTheAgentsHome() {
        client().put().uri("/fs/content?path=a.txt").body("x").exchange().expectStatus().isCreated();
        assertThat(home.resolve("data/a.txt")).hasContent("x");
    }

    @Test
    void theOpenApiDescriptionListsExactlyTheFileEndpointsTheAppServes() throws IOException {
        String openapi;
        try (InputStream in = new ClassPathResource("static/openapi.yaml").getInputStream()) {
            openapi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> described = new TreeSet<>();
        Matcher path = Pattern.compile("(?m)^  (/fs/[a-z]+):\\n((?:    .*\\n|      .*\\n|        .*\\n|\\s*\\n)*)")
                .matcher(openapi);
        while (path.find()) {
            Matcher method = Pattern.compile("(?m)^    (get|put|post|delete):").matcher(path.group(2));
            while (method.find()) {
                described.add(method.group(1).toUpperCase() + " " + path.group(1));
            }
        }
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/fs"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + pattern))));
        assertThat(described).isEqualTo(served).hasSize(8);
    }
}
