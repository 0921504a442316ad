package dev.runtimeservice.agent.sdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AgentRuntimeTests {

    @Test
    void aWildcardBindAddressIsReachedThroughLoopback() {
        var environment = new MockEnvironment()
                .withProperty("server.address", "0.0.0.0")
                .withProperty("local.server.port", "8001");

        assertThat(new AgentRuntime(environment, Clock.systemUTC()).baseUrl()).hasToString("http://127.0.0.1:8001/");
    }

    @Test
    void anIpv6AddressIsBracketedAndTheConfiguredPortServesBeforeTheServerRuns() {
        var environment =
                new MockEnvironment().withProperty("server.address", "::1").withProperty("server.port", "8004");

        assertThat(new AgentRuntime(environment, Clock.systemUTC()).baseUrl()).hasToString("http://[::1]:8004/");
    }

    @Test
    void stoppingHappensOnce() {
        var runtime = new AgentRuntime(new MockEnvironment(), Clock.systemUTC());

        assertThat(runtime.state()).isEqualTo(AgentState.RUNNING);
        assertThat(runtime.markStopping()).isTrue();
        assertThat(runtime.markStopping()).isFalse();
        assertThat(runtime.state()).isEqualTo(AgentState.STOPPING);
    }
}
