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
    void overA2aPlainTextIsCarriedOutAndAQuestionAboutAgentsListsThem() {
        // Plain text is carried out: kendra does not run here, so the task fails saying how to launch it.
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
                .isEqualTo("TASK_STATE_FAILED")
                .jsonPath("$.result.task.status.message.parts[0].text")
                .value(
                        String.class,
                        text -> assertThat(text)
                                .contains("The kendra agent, whose skill search should handle this, is not running")
                                .contains("/api/launch_agents"));
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
    void aCompoundInstructionIsShownAsAPlanWhoseSecondStepWorksOnTheFirstOnesOutput() {
        client().post()
                .uri("/instructions")
                .header("Content-Type", "application/json")
                .body("{\"text\": \"busca información sobre energía solar y resúmela\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.choice.agent")
                .isEqualTo("kendra")
                .jsonPath("$.plan.compound")
                .isEqualTo(true)
                .jsonPath("$.plan.steps[*].choice.skill")
                .isEqualTo(java.util.List.of("search", "summarize"))
                .jsonPath("$.plan.steps[*].text")
                .isEqualTo(java.util.List.of("busca información sobre energía solar", "resúmela"))
                .jsonPath("$.plan.steps[*].input")
                .isEqualTo(java.util.List.of("instruction", "output of step 1"))
                .jsonPath("$.plan.steps[*].status")
                .isEqualTo(java.util.List.of("planned", "planned"))
                .jsonPath("$.execution")
                .doesNotExist();
    }

    @Test
    void aPlanWhoseFirstStepCannotRunStopsThereAndSaysWhichStepAndWhy() {
        client().post()
                .uri("/instructions")
                .header("Content-Type", "application/json")
                .body("{\"text\": \"read notes/plan.md and translate it into Spanish\", \"execute\": true}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail")
                .value(
                        String.class,
                        detail -> assertThat(detail)
                                .startsWith(
                                        "Step 1 of 2 (vfs.read of vfs: \"read notes/plan.md\") failed: The vfs agent")
                                .endsWith("The plan stopped there: step 2 did not run."))
                .jsonPath("$.failed_step")
                .isEqualTo(1)
                .jsonPath("$.plan.steps[*].status")
                .isEqualTo(java.util.List.of("failed", "not run"))
                .jsonPath("$.routing.plan.steps[1].choice.skill")
                .isEqualTo("translate");
    }

    @Test
    void theOfficialA2aClientSendsAnInstructionAsAMessageAndGetsItsPlan() throws Exception {
        // The official A2A Java SDK's 1.0 client (1.0.0.Alpha3), with the card as the server serves it; that build
        // refuses fields a2a.proto lacks, so the four kept for 0.3 clients are taken out before it parses the card.
        String json = client().get()
                .uri("/.well-known/agent-card.json")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var card = (tools.jackson.databind.node.ObjectNode)
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        card.remove(java.util.List.of("protocolVersion", "url", "preferredTransport", "additionalInterfaces"));
        io.a2a.grpc.AgentCard.Builder proto = io.a2a.grpc.AgentCard.newBuilder();
        io.a2a.grpc.utils.JSONRPCUtils.parseJsonString(card.toString(), proto, "");
        io.a2a.client.Client a2a = io.a2a.client.Client.builder(io.a2a.grpc.utils.ProtoUtils.FromProto.agentCard(proto))
                .clientConfig(new io.a2a.client.config.ClientConfig.Builder()
                        .setStreaming(false)
                        .build())
                .withTransport(
                        io.a2a.client.transport.jsonrpc.JSONRPCTransport.class,
                        new io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig())
                .build();
        java.util.List<io.a2a.client.ClientEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.a2a.spec.Message message = io.a2a.spec.Message.builder()
                .role(io.a2a.spec.Message.Role.ROLE_USER)
                .messageId(java.util.UUID.randomUUID().toString())
                .parts(new io.a2a.spec.DataPart(java.util.Map.of(
                        "skill",
                        "route",
                        "input",
                        java.util.Map.of(
                                "text", "read notes/plan.md and translate it into Spanish", "execute", false))))
                .build();

        a2a.sendMessage(message, java.util.List.of((event, c) -> events.add(event)), e -> {}, null);

        io.a2a.spec.Task task = ((io.a2a.client.TaskEvent) events.get(events.size() - 1)).getTask();
        assertThat(task.status().state()).isEqualTo(io.a2a.spec.TaskState.TASK_STATE_COMPLETED);
        assertThat(((io.a2a.spec.TextPart) task.artifacts().get(0).parts().get(0)).text())
                .isEqualTo("Planned: vfs.read of vfs, then translate of gpt4.");
        Object data = ((io.a2a.spec.DataPart) task.artifacts().get(0).parts().get(1)).data();
        assertThat(data.toString()).contains("compound=true", "output of step 1");
        a2a.close();
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
