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
