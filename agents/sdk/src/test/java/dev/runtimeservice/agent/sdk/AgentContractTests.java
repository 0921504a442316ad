package dev.runtimeservice.agent.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = TestAgentApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agent.name=test-agent", "agent.token=right-token", "agent.shutdown-requires-token=true"})
class AgentContractTests {

    static final String SECRET = "s3cr3t-value-never-served";

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    RestTestClient client;

    @DynamicPropertySource
    static void resourcesFile(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.writeString(home.resolve("resources.json"), """
                {"id":"6f1c2a4e-0000-4000-8000-000000000001","name":"test-agent",
                  "resources":{"sharepoint":{"url":"https://sp.example","user":"bob","password":"%s"},
                                            "database":{"url":"jdbc:none"}}}
                """.formatted(SECRET));
        registry.add("agent.resources-file", file::toString);
        registry.add("agent.home", home::toString);
    }

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    @Test
    void rootAnswersNameDescriptionAndVersion() {
        client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("test-agent")
                .jsonPath("$.description")
                .isEqualTo("Test agent that echoes nothing.")
                .jsonPath("$.version")
                .isEqualTo("9.9.9-test");
    }

    @Test
    void statusReportsRunningProcessAndResourceNamesOnly() {
        client.get()
                .uri("/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("test-agent")
                .jsonPath("$.state")
                .isEqualTo("RUNNING")
                .jsonPath("$.pid")
                .isEqualTo((int) ProcessHandle.current().pid())
                .jsonPath("$.port")
                .isEqualTo(port)
                .jsonPath("$.started_at")
                .value(String.class, value -> assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*Z"))
                .jsonPath("$.uptime_seconds")
                .value(Integer.class, value -> assertThat(value).isNotNegative())
                .jsonPath("$.resources.length()")
                .isEqualTo(2)
                .jsonPath("$.resources[0].name")
                .isEqualTo("database")
                .jsonPath("$.resources[0].used")
                .isEqualTo(true)
                .jsonPath("$.resources[0].reason")
                .isEqualTo("stores echoes")
                .jsonPath("$.resources[1].name")
                .isEqualTo("sharepoint")
                .jsonPath("$.resources[1].used")
                .isEqualTo(false)
                .jsonPath("$.resources[1].reason")
                .isEqualTo("test-agent has no capability that uses resource 'sharepoint'");
    }

    @Test
    void agentCardFollowsA2aWithTheAppsSkills() {
        client.get()
                .uri("/.well-known/agent-card.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.supportedInterfaces[0].url")
                .isEqualTo("http://127.0.0.1:" + port + "/a2a")
                .jsonPath("$.supportedInterfaces[0].protocolBinding")
                .isEqualTo("JSONRPC")
                .jsonPath("$.supportedInterfaces[0].protocolVersion")
                .isEqualTo("1.0")
                .jsonPath("$.supportedInterfaces[1].url")
                .isEqualTo("http://127.0.0.1:" + port + "/a2a/rest")
                .jsonPath("$.supportedInterfaces[1].protocolBinding")
                .isEqualTo("HTTP+JSON")
                .jsonPath("$.protocolVersion")
                .isEqualTo("0.3.0")
                .jsonPath("$.name")
                .isEqualTo("test-agent")
                .jsonPath("$.description")
                .isEqualTo("Test agent that echoes nothing.")
                .jsonPath("$.url")
                .isEqualTo("http://127.0.0.1:" + port + "/a2a")
                .jsonPath("$.preferredTransport")
                .isEqualTo("JSONRPC")
                .jsonPath("$.version")
                .isEqualTo("9.9.9-test")
                .jsonPath("$.capabilities.streaming")
                .isEqualTo(true)
                .jsonPath("$.capabilities.pushNotifications")
                .isEqualTo(false)
                .jsonPath("$.defaultInputModes")
                .isEqualTo(List.of("application/json", "text/plain"))
                .jsonPath("$.defaultOutputModes")
                .isEqualTo(List.of("application/json", "text/plain"))
                .jsonPath("$.skills.length()")
                .isEqualTo(2)
                .jsonPath("$.skills[0].id")
                .isEqualTo("echo")
                .jsonPath("$.skills[0].name")
                .isEqualTo("Echo")
                .jsonPath("$.skills[0].tags[0]")
                .isEqualTo("test")
                .jsonPath("$.skills[0].examples[0]")
                .isEqualTo("echo hello")
                .jsonPath("$.skills[0].inputModes.length()")
                .isEqualTo(2)
                .jsonPath("$.skills[0].outputModes[0]")
                .isEqualTo("application/json")
                .jsonPath("$.skills[1].id")
                .isEqualTo("count");
    }

    @Test
    void aClientAskingForOneZeroGetsTheCardWithoutTheZeroThreeFields() {
        for (String asked : List.of("header", "parameter")) {
            var request = client.get();
            var spec = asked.equals("header")
                    ? request.uri("/.well-known/agent-card.json").header("A2A-Version", "1.0")
                    : request.uri("/.well-known/agent-card.json?A2A-Version=1.0");
            spec.exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Vary", "A2A-Version")
                    .expectBody()
                    .jsonPath("$.supportedInterfaces[0].url")
                    .isEqualTo("http://127.0.0.1:" + port + "/a2a")
                    .jsonPath("$.skills.length()")
                    .isEqualTo(2)
                    .jsonPath("$.protocolVersion")
                    .doesNotExist()
                    .jsonPath("$.url")
                    .doesNotExist()
                    .jsonPath("$.preferredTransport")
                    .doesNotExist()
                    .jsonPath("$.additionalInterfaces")
                    .doesNotExist();
        }
        // A 0.3 client sends no version, or 0.3: it gets the card with the 0.3 fields.
        client.get()
                .uri("/.well-known/agent-card.json")
                .header("A2A-Version", "0.3")
                .exchange()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("http://127.0.0.1:" + port + "/a2a")
                .jsonPath("$.additionalInterfaces[0].transport")
                .isEqualTo("JSONRPC");
    }

    @Test
    void livenessAndReadinessProbesAnswerUp() {
        Stream.of("/actuator/health/liveness", "/actuator/health/readiness")
                .forEach(path -> client.get()
                        .uri(path)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("UP"));
    }

    @Test
    void shutdownWithoutTokenIsRefusedAsProblemDetail() {
        client.get()
                .uri("/shutdown")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("X-Agent-Token"));
        assertThat(TestAgentApplication.EXITS).isEmpty();
    }

    @Test
    void shutdownWithWrongTokenIsRefused() {
        client.get()
                .uri("/shutdown")
                .header("X-Agent-Token", "right-tokeX")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client.get().uri("/status").exchange().expectBody().jsonPath("$.state").isEqualTo("RUNNING");
    }

    @Test
    void unknownPathIsAProblemDetail() {
        client.get()
                .uri("/no-such-thing")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noAnswerContainsAResourceValue() {
        Stream.of("/", "/status", "/.well-known/agent-card.json", "/actuator/health", "/actuator/info", "/shutdown")
                .forEach(path -> {
                    String body = client.get()
                            .uri(path)
                            .exchange()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody();
                    assertThat(body).as(path).isNotNull().doesNotContain(SECRET).doesNotContain("bob");
                });
    }

    @Test
    void startupIsLoggedInOneSentenceWithTheAgentsPattern(CapturedOutput output) {
        assertThat(output.getOut())
                .containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) "
                        + "INFO  \\[test-agent\\] "
                        + "\\S*\\.StartupLog : Agent test-agent ready on port " + port
                        + " \\(pid " + ProcessHandle.current().pid() + "\\) in \\d+ ms")
                .doesNotContain(SECRET);
    }
}
