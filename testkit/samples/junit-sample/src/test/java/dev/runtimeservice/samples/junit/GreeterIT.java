package dev.runtimeservice.samples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testkit.RuntimeManager;
import dev.runtimeservice.testkit.junit.AgentUrl;
import dev.runtimeservice.testkit.junit.RuntimeTest;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second class on the shared manager: it registers the project's own agent from its folder and launches it there,
 * next to the agents {@link VfsKendraIT} launched.
 */
@RuntimeTest(agentFolders = "src/test/agents/greeter", shared = true)
class GreeterIT {

    @BeforeAll
    static void remember(RuntimeManager runtime) {
        SharedRuntime.MANAGER_PIDS.add(runtime.pid());
    }

    @Test
    void theProjectsOwnAgentAnswers(@AgentUrl("greeter") URI greeter) throws Exception {
        assertThat(Http.get(greeter.resolve("/greet?name=ana")).body()).contains("hello, ana");
    }

    @Test
    void sharesOneManagerWithTheOtherClass(RuntimeManager runtime) {
        assertThat(SharedRuntime.MANAGER_PIDS).containsExactly(runtime.pid());
        assertThat(runtime.agentUrls()).containsKey("greeter");
    }
}
