package dev.runtimeservice.samples.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A plain JUnit test that reads the URLs runtime:start passed through Failsafe's system properties. */
class VfsThroughPluginIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void vfsLaunchedByThePluginKeepsAFile() throws Exception {
        URI vfs = URI.create(System.getProperty("runtime.agent.vfs.url"));
        HttpResponse<String> written = http.send(
                HttpRequest.newBuilder(vfs.resolve("/fs/content?path=plugin.txt"))
                        .PUT(HttpRequest.BodyPublishers.ofString("written by a Failsafe test"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).isBetween(200, 201);
        HttpResponse<String> read = http.send(
                HttpRequest.newBuilder(vfs.resolve("/fs/content?path=plugin.txt"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.body()).isEqualTo("written by a Failsafe test");
    }

    @Test
    void theManagerListsTheAgentItLaunched() throws Exception {
        URI manager = URI.create(System.getProperty("runtime.manager.url"));
        HttpResponse<String> list = http.send(
                HttpRequest.newBuilder(manager.resolve("/api/list_agents?name=vfs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains("\"status\":\"RUNNING\"");
    }
}
