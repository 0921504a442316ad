package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Malformed and unknown A2A calls get the protocol's own errors, over raw HTTP: never a 500, never a trace. */
@SpringBootTest(
        classes = TestAgentApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agent.name=test-agent")
class A2aProtocolErrorTests {

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    RestTestClient client;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("agent.home", home::toString);
    }

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    @Test
    void jsonRpcErrorsCarryTheProtocolsCodes() {
        expectError("{not json", -32700);
        expectError("", -32600);
        expectError("[1, 2]", -32600);
        expectError("{\"id\": 1, \"method\": \"GetTask\"}", -32600);
        expectError("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"Nope\", \"params\": {}}", -32601);
        expectError("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"GetTask\"}", -32602);
        expectError(
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"GetTask\", \"params\": {\"id\": 5, "
                        + "\"historyLength\": \"many\"}}",
                -32602);
        expectError(
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"SendMessage\", \"params\": {\"message\": "
                        + "{\"messageId\": \"m\", \"role\": \"ROLE_USER\", \"parts\": []}}}",
                -32602);
        expectError(
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"GetTask\", \"params\": {\"id\": \"nope\"}}", -32001);
        expectError(
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"CancelTask\", \"params\": {\"id\": \"nope\"}}",
                -32001);
        expectError(
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"CreateTaskPushNotificationConfig\", "
                        + "\"params\": {}}",
                -32003);
        expectError("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"GetExtendedAgentCard\"}", -32007);
    }

    @Test
    void finishedTasksCannotBeCancelledNorSubscribedTo() {
        String id = client.post()
                .uri("/a2a")
                .contentType(MediaType.APPLICATION_JSON)
                .body(send("echo done"))
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody()
                .replaceAll("(?s).*\"task\":\\{\"id\":\"([^\"]+)\".*", "$1");

        expectError(
                "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"CancelTask\", \"params\": {\"id\": \"" + id + "\"}}",
                -32002);
        expectError(
                "{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"SubscribeToTask\", \"params\": {\"id\": \"" + id
                        + "\"}}",
                -32004);
    }

    @Test
    void anUnservedProtocolVersionIsRefused() {
        client.post()
                .uri("/a2a")
                .header("A2A-Version", "0.5")
                .contentType(MediaType.APPLICATION_JSON)
                .body(send("echo hi"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(-32009);
    }

    @Test
    void theZeroThreeMethodNamesAnswerInZeroThreeShapes() {
        client.post()
                .uri("/a2a")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                {"jsonrpc": "2.0", "id": "a", "method": "message/send", "params": {"message": {"kind": "message",
                 "messageId": "m1", "role": "user", "parts": [{"kind": "text", "text": "echo old"}]}}}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("a")
                .jsonPath("$.result.kind")
                .isEqualTo("task")
                .jsonPath("$.result.status.state")
                .isEqualTo("completed")
                .jsonPath("$.result.artifacts[0].parts[0].kind")
                .isEqualTo("text")
                .jsonPath("$.result.artifacts[0].parts[0].text")
                .isEqualTo("echo old")
                .jsonPath("$.result.artifacts[0].parts[1].kind")
                .isEqualTo("data")
                .jsonPath("$.result.history[0].role")
                .isEqualTo("user");
    }

    @Test
    void theHttpJsonBindingAnswersErrorsAsStatusObjects() {
        client.get()
                .uri("/a2a/rest/tasks/nope")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo(404)
                .jsonPath("$.error.status")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.error.details[0].reason")
                .isEqualTo("TASK_NOT_FOUND")
                .jsonPath("$.error.details[0].domain")
                .isEqualTo("a2a-protocol.org");
        client.post()
                .uri("/a2a/rest/message:send")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{oops")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.details[0].reason")
                .isEqualTo("PARSE_ERROR");
        client.post()
                .uri("/a2a/rest/tasks/nope:cancel")
                .exchange()
                .expectStatus()
                .isNotFound();
        client.post()
                .uri("/a2a/rest/message:send")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"message\": 5}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.details[0].reason")
                .isEqualTo("INVALID_PARAMS");
        client.get()
                .uri("/a2a/rest/tasks?status=DONE")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.details[0].reason")
                .isEqualTo("INVALID_PARAMS")
                .jsonPath("$.error.message")
                .value(
                        String.class,
                        m -> org.assertj.core.api.Assertions.assertThat(m)
                                .contains("status", "TASK_STATE_COMPLETED", "'DONE'"));
        client.get()
                .uri("/a2a/rest/tasks/nope?historyLength=all")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("Query parameter historyLength must be a whole number, not 'all'.");
    }

    private void expectError(String body, int code) {
        client.post()
                .uri("/a2a")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.jsonrpc")
                .isEqualTo("2.0")
                .jsonPath("$.error.code")
                .isEqualTo(code)
                .jsonPath("$.error.message")
                .isNotEmpty()
                .jsonPath("$.error.data[0].domain")
                .isEqualTo("a2a-protocol.org");
    }

    private static String send(String text) {
        return """
                {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {"messageId": "%s",
                 "role": "ROLE_USER", "parts": [{"text": "%s"}]}}}""".formatted(java.util.UUID.randomUUID(), text);
    }
}
