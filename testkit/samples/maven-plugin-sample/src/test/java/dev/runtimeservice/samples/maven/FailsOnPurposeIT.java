package dev.runtimeservice.samples.maven;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Fails on purpose while vfs runs, naming its pid, to show that runtime:stop still stops everything and the build
 * still fails. Left out of the sample's build (see its pom); the test kit's PluginSampleBuildIT selects it with
 * {@code -Dit.test}.
 */
class FailsOnPurposeIT {

    @Test
    void failsWhileVfsRuns() throws Exception {
        URI manager = URI.create(System.getProperty("runtime.manager.url"));
        HttpResponse<String> list = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(manager.resolve("/api/list_agents?name=vfs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        fail("failing on purpose while vfs runs: " + list.body());
    }
}
