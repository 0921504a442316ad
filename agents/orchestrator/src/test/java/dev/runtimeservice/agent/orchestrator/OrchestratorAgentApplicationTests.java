package dev.runtimeservice.agent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The orchestrator in process, with a manager that does not answer: nothing runs, the bundled cards still route. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrchestratorAgentApplicationTests {

    static int deadPort;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadManager(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        registry.add("agent.manager-url", () -> "http://127.0.0.1:" + deadPort);
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void rootNamesTheAgentAndSaysHonestlyWhatItCanDo() {
        client().get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("orchestrator")
                .jsonPath("$.description")
                .isEqualTo(OrchestratorAgentApplication.DESCRIPTION);
    }

    @Test
    void agentCardListsTheDiscoveryAndRoutingSkills() {
        client().get()
                .uri("/.well-known/agent-card.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.protocolVersion")
                .isEqualTo("0.3.0")
                .jsonPath("$.preferredTransport")
                .isEqualTo("JSONRPC")
                .jsonPath("$.skills[*].id")
                .isEqualTo(java.util.List.of("agents", "route"));
    }

    @Test
    void overA2aPlainTextIsRoutedAndAQuestionAboutAgentsListsThem() {
        client().post()
                .uri("/a2a")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("""
                {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {"messageId": "m1",
                 "role": "ROLE_USER", "parts": [{"text": "Busca información sobre inteligencia artificial"}]}}}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.task.metadata.skill")
                .isEqualTo("route")
                .jsonPath("$.result.task.status.state")
                .isEqualTo("TASK_STATE_COMPLETED")
                .jsonPath("$.result.task.artifacts[0].parts[1].data.language")
                .isEqualTo("es");
        client().post()
                .uri("/a2a")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("""
                {"jsonrpc": "2.0", "id": 2, "method": "SendMessage", "params": {"message": {"messageId": "m2",
                 "role": "ROLE_USER", "parts": [{"text": "Which agents are running?"}]}}}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.task.metadata.skill")
                .isEqualTo("agents")
                .jsonPath("$.result.task.artifacts[0].parts[0].text")
                .isEqualTo("No agent is running.");
    }

    @Test
    void discoverSaysTheManagerCannotBeAskedAndListsNoAgent() {
        client().get()
                .uri("/discover")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.agents")
                .isEmpty()
                .jsonPath("$.manager")
                .isEqualTo("http://127.0.0.1:" + deadPort)
                .jsonPath("$.manager_error")
                .value(
                        String.class,
                        error -> assertThat(error).contains("the manager at http://127.0.0.1:" + deadPort));
    }

    @Test
    void theSpecificationsInstructionGoesToKendraSearchAndSaysHowToLaunchKendra() {
        client().post()
                .uri("/instructions")
                .header("X-Request-Id", "spec-1")
                .body("{\"text\": \"Busca información sobre inteligencia artificial\"}")
                .header("Content-Type", "application/json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "spec-1")
                .expectBody()
                .jsonPath("$.request_id")
                .isEqualTo("spec-1")
                .jsonPath("$.language")
                .isEqualTo("es")
                .jsonPath("$.choice.agent")
                .isEqualTo("kendra")
                .jsonPath("$.choice.skill")
                .isEqualTo("search")
                .jsonPath("$.choice.running")
                .isEqualTo(false)
                .jsonPath("$.choice.launch")
                .value(
                        String.class,
                        launch -> assertThat(launch)
                                .isEqualTo("curl -X POST http://127.0.0.1:" + deadPort
                                        + "/api/launch_agents -H \"Content-Type: "
                                        + "application/json\" -d '{\"agents\": [\"kendra\"], \"resources\": {}}'"))
                .jsonPath("$.choice.confidence")
                .value(Double.class, c -> assertThat(c).isBetween(0.4, 1.0))
                .jsonPath("$.runner_ups.length()")
                .isEqualTo(3)
                .jsonPath("$.prompt.task")
                .isEqualTo("Busca información sobre inteligencia artificial.")
                .jsonPath("$.prompt.constraints[0]")
                .isEqualTo("Answer in Spanish, the language of the request.")
                .jsonPath("$.prompt.text")
                .value(
                        String.class,
                        text -> assertThat(text)
                                .contains("### Task", "### Context", "### Constraints", "### Expected output"));
    }

    @Test
    void executingWhileTheAgentIsNotRunningIsA503ThatSaysHowToLaunchIt() {
        client().post()
                .uri("/instructions")
                .header("Content-Type", "application/json")
                .body("{\"text\": \"Find documents about renewable energy\", \"execute\": true}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail")
                .value(
                        String.class,
                        d -> assertThat(d)
                                .startsWith("The kendra agent, whose skill search should handle this, is not running;"))
                .jsonPath("$.launch")
                .value(String.class, l -> assertThat(l).contains("\"agents\": [\"kendra\"]"))
                .jsonPath("$.routing.choice.skill")
                .isEqualTo("search");
    }

    @Test
    void anInstructionThatFitsNoAgentIsAnsweredAsSuchAndNotExecuted() {
        client().post()
                .uri("/instructions")
                .header("Content-Type", "application/json")
                .body("{\"text\": \"Book me a flight to Paris next Friday\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("en")
                .jsonPath("$.choice")
                .doesNotExist()
                .jsonPath("$.no_match")
                .value(String.class, m -> assertThat(m).startsWith("No agent fits"));
        client().post()
                .uri("/instructions")
                .header("Content-Type", "application/json")
                .body("{\"text\": \"Book me a flight to Paris next Friday\", \"execute\": true}")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    @Test
    void aBlankInstructionIsABadRequest() {
        client().post()
                .uri("/instructions")
                .header("Content-Type", "application/json")
                .body("{\"text\": \" \"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");
    }
}
