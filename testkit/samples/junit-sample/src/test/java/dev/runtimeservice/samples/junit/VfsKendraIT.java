package dev.runtimeservice.samples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testkit.RuntimeManager;
import dev.runtimeservice.testkit.junit.AgentUrl;
import dev.runtimeservice.testkit.junit.ManagerUrl;
import dev.runtimeservice.testkit.junit.RuntimeTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user's integration test against the real vfs and kendra agents: a file written to vfs is indexed by kendra from
 * vfs (kendra finds vfs through the manager) and found by a search. Shares its manager with {@link GreeterIT}.
 */
@RuntimeTest(
        agents = {"vfs", "kendra"},
        shared = true)
class VfsKendraIT {

    @ManagerUrl
    static URI manager;

    @AgentUrl("vfs")
    URI vfs;

    @AgentUrl("kendra")
    String kendra;

    @BeforeAll
    static void remember(RuntimeManager runtime) {
        SharedRuntime.MANAGER_PIDS.add(runtime.pid());
    }

    @Test
    void sharesOneManagerWithTheOtherClass(RuntimeManager runtime) {
        assertThat(SharedRuntime.MANAGER_PIDS).containsExactly(runtime.pid());
    }

    @Test
    void runsTheAgentsOnFreePortsOfTheTestRunNotTheirFixedOnes() {
        assertThat(manager.getPort()).isPositive().isNotEqualTo(8000);
        assertThat(vfs.getPort()).isBetween(20000, 29999).isNotIn(8001, 8002);
        assertThat(URI.create(kendra).getPort()).isBetween(20000, 29999);
    }

    @Test
    void kendraFindsAFileWrittenToVfs() throws Exception {
        HttpResponse<String> written =
                Http.send(HttpRequest.newBuilder(vfs.resolve("/fs/content?path=notes/solar.txt&parents=true"))
                        .PUT(HttpRequest.BodyPublishers.ofString("Solar panels turn sunlight into electricity.")));
        assertThat(written.statusCode()).isBetween(200, 201);

        HttpResponse<String> ingested = Http.send(HttpRequest.newBuilder(URI.create(kendra + "/ingest/vfs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"paths\": [\"notes/solar.txt\"], \"language\": \"en\"}")));
        assertThat(ingested.body()).contains("\"indexed\":1");

        HttpResponse<String> found = Http.get(URI.create(kendra + "/search?q=sunlight&mode=keyword"));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("vfs:notes/solar.txt");
    }
}
