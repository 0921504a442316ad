package dev.runtimeservice.manager.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What MCP tools an agent's card makes, read over real HTTP from a small agent stand-in on loopback (only its card is
 * needed, so no agent process is started). The skills of real A2A 1.0 agents, with their schemas, are listed and
 * called in KendraVfsIngestIT.
 */
class SkillReaderTest {

    private static final String SKILLS =
            "[{\"id\": \"jot\", \"name\": \"Jot\", \"description\": \"Writes a note\", \"tags\": [\"notes\"]}]";

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
