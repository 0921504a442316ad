package dev.runtimeservice.agent.vfs;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VfsAgentApplicationTests {

    @LocalServerPort
    int port;

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
    void agentCardDeclaresNoSkillsBecauseTheAgentHasNoneYet() {
        client().get().uri("/.well-known/agent-card.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.protocolVersion").isEqualTo("0.3.0")
                .jsonPath("$.name").isEqualTo("vfs")
                .jsonPath("$.description").isEqualTo(VfsAgentApplication.DESCRIPTION)
                .jsonPath("$.url").isEqualTo("http://127.0.0.1:" + port + "/")
                .jsonPath("$.preferredTransport").isEqualTo("HTTP+JSON")
                .jsonPath("$.skills").isEmpty();
    }
}
