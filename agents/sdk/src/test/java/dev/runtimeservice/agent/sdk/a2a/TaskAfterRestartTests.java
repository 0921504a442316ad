package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A task outlives its agent: the app is closed and started again on the same home, and GetTask still answers. */
class TaskAfterRestartTests {

    @TempDir
    Path home;

    @Test
    void aTaskIsStillAnsweredAfterTheAgentRestarts() {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            id = client(first)
                    .post()
                    .uri("/a2a")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                    {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {"messageId": "m1",
                     "role": "ROLE_USER", "parts": [{"text": "echo before the restart"}]}}}""")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody()
                    .replaceAll("(?s).*\"task\":\\{\"id\":\"([^\"]+)\".*", "$1");
        }

        try (ConfigurableApplicationContext second = start()) {
            client(second)
                    .post()
                    .uri("/a2a")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"GetTask\", \"params\": {\"id\": \"" + id
                            + "\"}}")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.result.id")
                    .isEqualTo(id)
                    .jsonPath("$.result.status.state")
                    .isEqualTo("TASK_STATE_COMPLETED")
                    .jsonPath("$.result.artifacts[0].parts[0].text")
                    .isEqualTo("echo before the restart");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestAgentApplication.class)
                .run("--server.port=0", "--agent.name=test-agent", "--agent.home=" + home);
    }

    private static RestTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
