package dev.runtimeservice.agent.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.testsupport.A2aStreamErrors;
import io.a2a.client.Client;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.http.A2ACardResolver;
import io.a2a.client.http.JdkA2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.AgentCard;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
        client().get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("vfs")
                .jsonPath("$.description")
                .isEqualTo(VfsAgentApplication.DESCRIPTION)
                .jsonPath("$.version")
                .isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void agentCardDeclaresOneSkillPerFileOperation() {
        client().get()
                .uri("/.well-known/agent-card.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.protocolVersion")
                .isEqualTo("0.3.0")
                .jsonPath("$.supportedInterfaces[1].protocolBinding")
                .isEqualTo("HTTP+JSON")
                .jsonPath("$.name")
                .isEqualTo("vfs")
                .jsonPath("$.description")
                .isEqualTo(VfsAgentApplication.DESCRIPTION)
                .jsonPath("$.skills.length()")
                .isEqualTo(8)
                .jsonPath("$.skills[?(@.id == 'vfs.write')].inputModes[0]")
                .isEqualTo("*/*");
    }

    /**
     * A 0.3 client, the official A2A Java SDK's 0.3.3.Final, reads the card (it asks for no protocol version, so it
     * gets the 0.3 fields beside 1.0's) and talks to the agent with the 0.3 method names: a message, streamed or
     * not, runs a skill, and the task reads back.
     */
    @Test
    void theOfficialZeroThreeClientReadsTheCardAndItsMessagesRunSkills() throws Exception {
        AgentCard card = new A2ACardResolver(new JdkA2AHttpClient(), "http://127.0.0.1:" + port).getAgentCard();
        assertThat(card.url()).isEqualTo("http://127.0.0.1:" + port + "/a2a");
        assertThat(card.preferredTransport()).isEqualTo("JSONRPC");
        assertThat(card.skills()).hasSize(8);

        Task written = zeroThreeSend(
                card,
                false,
                Map.of("skill", "vfs.write", "input", Map.of("path", "old/hi.txt", "text", "hola", "parents", true)));
        Task read = zeroThreeSend(card, true, Map.of("skill", "vfs.read", "input", Map.of("path", "old/hi.txt")));

        assertThat(written.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(home.resolve("data/old/hi.txt")).hasContent("hola");
        assertThat(read.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(((TextPart) read.getArtifacts().get(0).parts().get(0)).getText())
                .isEqualTo("hola");
        Task got = zeroThreeClient(card, false).getTask(new TaskQueryParams(written.getId()), null);
        assertThat(got.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    }

    private static Client zeroThreeClient(AgentCard card, boolean streaming) throws Exception {
        return Client.builder(card)
                .clientConfig(new ClientConfig.Builder().setStreaming(streaming).build())
                .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
                .build();
    }

    /** Sends one data part and answers the task as the client last saw it, once it is final. */
    private static Task zeroThreeSend(AgentCard card, boolean streaming, Map<String, Object> data) throws Exception {
        List<Task> seen = new CopyOnWriteArrayList<>();
        A2aStreamErrors errors = new A2aStreamErrors();
        Message message = new Message.Builder()
                .role(Message.Role.USER)
                .messageId(UUID.randomUUID().toString())
                .parts(new DataPart(data))
                .build();
        zeroThreeClient(card, streaming)
                .sendMessage(
                        message,
                        List.of((event, c) -> seen.add(
                                event instanceof TaskEvent t ? t.getTask() : ((TaskUpdateEvent) event).getTask())),
                        errors,
                        null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> errors.agentFailed()
                        || (!seen.isEmpty()
                                && seen.get(seen.size() - 1).getStatus().state().isFinal()));
        errors.assertNoneFromAgent();
        return seen.get(seen.size() - 1);
    }

    @Test
    void overA2aAWrittenFileReadsBackAndPlainTextIsAskedWhichSkill() {
        a2a("""
                {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {"messageId": "w",
                 "role": "ROLE_USER", "parts": [{"data": {"skill": "vfs.write", "input": {"path": "a2a/note.md",
                 "text": "# Hola", "parents": true}}}]}}}""")
                .jsonPath("$.result.task.status.state")
                .isEqualTo("TASK_STATE_COMPLETED")
                .jsonPath("$.result.task.artifacts[0].parts[1].data.path")
                .isEqualTo("a2a/note.md");
        a2a("""
                {"jsonrpc": "2.0", "id": 2, "method": "SendMessage", "params": {"message": {"messageId": "r",
                 "role": "ROLE_USER", "metadata": {"skill": "vfs.read"},
                 "parts": [{"data": {"path": "a2a/note.md"}}]
                 }}}""").jsonPath("$.result.task.artifacts[0].parts[0].text").isEqualTo("# Hola");
        a2a("""
                {"jsonrpc": "2.0", "id": 3, "method": "SendMessage", "params": {"message": {"messageId": "t",
                 "role": "ROLE_USER", "parts": [{"text": "show me my notes"}]}}}""")
                .jsonPath("$.result.task.status.state")
                .isEqualTo("TASK_STATE_INPUT_REQUIRED")
                .jsonPath("$.result.task.status.message.parts[0].text")
                .value(String.class, question -> assertThat(question).contains("vfs.list", "vfs.read"));
        a2a("""
                {"jsonrpc": "2.0", "id": 4, "method": "SendMessage", "params": {"message": {"messageId": "x",
                 "role": "ROLE_USER", "metadata": {"skill": "vfs.read"},
                 "parts": [{"data": {"path": "../etc/passwd"}}]
                 }}}""").jsonPath("$.result.task.status.state").isEqualTo("TASK_STATE_FAILED");
        // The tasks are kept beside the file tree, never in it.
        assertThat(home.resolve(".a2a/tasks")).isNotEmptyDirectory();
        client().get()
                .uri("/fs/list")
                .exchange()
                .expectBody()
                .jsonPath("$.entries[*].name")
                .value(names -> assertThat(names.toString()).doesNotContain(".a2a", "tasks"));
    }

    @Test
    void readAndWriteRunTheSameSkillOverRestAndA2aWithTheSameRangesAndErrors() {
        client().put()
                .uri("/fs/content?path=same/digits.txt&parents=true")
                .body("0123456789")
                .exchange()
                .expectStatus()
                .isCreated();
        var rangeOverA2a = a2a("""
                {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {"messageId": "rr",
                 "role": "ROLE_USER", "metadata": {"skill": "vfs.read"},
                 "parts": [{"data": {"path": "same/digits.txt", "range": "bytes=2-5"}}]}}}""");
        rangeOverA2a.jsonPath("$.result.task.artifacts[0].parts[0].text").isEqualTo("2345");
        client().get()
                .uri("/fs/content?path=same/digits.txt")
                .header("Range", "bytes=2-5")
                .exchange()
                .expectStatus()
                .isEqualTo(206)
                .expectBody(String.class)
                .isEqualTo("2345");
        String detail = client().get()
                .uri("/fs/content?path=same")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody(java.util.Map.class)
                .returnResult()
                .getResponseBody()
                .get("detail")
                .toString();
        a2a("""
                {"jsonrpc": "2.0", "id": 2, "method": "SendMessage", "params": {"message": {"messageId": "rf",
                 "role": "ROLE_USER", "metadata": {"skill": "vfs.read"}, "parts": [{"data": {"path": "same"}}]}}}""")
                .jsonPath("$.result.task.status.state")
                .isEqualTo("TASK_STATE_FAILED")
                .jsonPath("$.result.task.status.message.parts[0].text")
                .value(String.class, failure -> assertThat(failure).contains(detail));
        var writeOverA2a = a2a("""
                {"jsonrpc": "2.0", "id": 3, "method": "SendMessage", "params": {"message": {"messageId": "wc",
                 "role": "ROLE_USER", "metadata": {"skill": "vfs.write"},
                 "parts": [{"data": {"path": "same/digits.txt", "text": "replaced"}}]}}}""");
        writeOverA2a
                .jsonPath("$.result.task.artifacts[0].parts[1].data.created")
                .isEqualTo(false);
        client().get()
                .uri("/fs/content?path=same/digits.txt")
                .exchange()
                .expectBody(String.class)
                .isEqualTo("replaced");
    }

    private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec a2a(String body) {
        return client().post()
                .uri("/a2a")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Test
    void theDataRootIsCreatedUnderTheAgentsHome() {
        client().put()
                .uri("/fs/content?path=a.txt")
                .body("x")
                .exchange()
                .expectStatus()
                .isCreated();
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
        mappings.getHandlerMethods()
                .forEach((info, handler) -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/fs"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> served.add(method.name() + " " + pattern))));
        assertThat(described).isEqualTo(served).hasSize(8);
    }
}
