package dev.runtimeservice.manager.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What MCP tools an agent's card and {@code GET /skills} make, read over real HTTP from a small agent stand-in on
 * loopback (only its card and skills list are needed, so no agent process is started).
 */
class SkillReaderTest {

    private static final String SKILLS =
            "[{\"id\": \"jot\", \"name\": \"Jot\", \"description\": \"Writes a note\", " + "\"tags\": [\"notes\"]}]";

    private HttpServer agent;
    private URI url;

    @BeforeEach
    void start() throws IOException {
        agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agent.start();
        url = URI.create("http://127.0.0.1:" + agent.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        agent.stop(0);
    }

    @Test
    void anA2a10AgentsSkillsAreToolsWithTheSchemasItDeclares() throws Exception {
        serve(
                A2aClients.CARD_PATH,
                "{\"name\": \"notes\", \"description\": \"Notes\", \"version\": \"1\", "
                        + "\"supportedInterfaces\": [{\"url\": \"" + url + "\", \"protocolBinding\": \"JSONRPC\", "
                        + "\"protocolVersion\": \"1.0\"}], \"capabilities\": {}, "
                        + "\"defaultInputModes\": [\"text/plain\"], \"defaultOutputModes\": [\"application/json\"], "
                        + "\"skills\": " + SKILLS + "}");
        serve(
                "/skills",
                "[{\"id\": \"jot\", \"input_schema\": {\"type\": \"object\", \"properties\": {\"text\": "
                        + "{\"type\": \"string\"}}}, \"output_schema\": {\"type\": \"object\", \"properties\": "
                        + "{\"kind\": {\"type\": \"string\", \"enum\": [\"note\"]}}}}]");

        List<SkillTool> tools = new SkillReader(new A2aClients()).read("notes", url);

        assertThat(tools).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("notes.jot");
            assertThat(tool.dataInput()).isTrue();
            assertThat(tool.outputSchema())
                    .containsEntry("properties", Map.of("kind", Map.of("type", "string", "enum", List.of("note"))));
        });
    }

    @Test
    void anAgentThatSpeaksOnlyA2a03GetsNoToolsForItCouldNotBeCalled() throws Exception {
        serve(
                A2aClients.CARD_PATH,
                "{\"protocolVersion\": \"0.3.0\", \"name\": \"old\", \"description\": \"Old\", "
                        + "\"url\": \"" + url + "\", \"preferredTransport\": \"JSONRPC\", \"version\": \"1\", "
                        + "\"capabilities\": {}, \"defaultInputModes\": [\"text/plain\"], \"defaultOutputModes\": "
                        + "[\"text/plain\"], \"skills\": " + SKILLS + "}");

        assertThat(new SkillReader(new A2aClients()).read("old", url)).isEmpty();
    }

    private void serve(String path, String json) {
        agent.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
