package dev.runtimeservice.agent.sdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Runs the test agent outside the test framework's context cache, because shutdown really closes
 * the application; the {@link ExitAction} records the exit code instead of ending the test JVM.
 */
class ShutdownTests {

    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        context.close();
    }

    private RestTestClient start(String... properties) {
        TestAgentApplication.EXITS.clear();
        context = new SpringApplicationBuilder(TestAgentApplication.class)
                .properties("server.port=0", "agent.shutdown-delay=50ms")
                .properties(properties)
                .run();
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void shutdownWithTheTokenAnswersStoppingThenClosesTheAppAndExitsWithZero() {
        RestTestClient client =
                start("agent.name=stopping-agent", "agent.token=right-token", "agent.shutdown-requires-token=true");

        client.get()
                .uri("/shutdown")
                .header("X-Agent-Token", "right-token")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("stopping-agent")
                .jsonPath("$.state")
                .isEqualTo("STOPPING");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(TestAgentApplication.EXITS).containsExactly(0);
            assertThat(context.isActive()).isFalse();
        });
    }

    @Test
    void shutdownNeedsNoTokenByDefaultAndASecondCallChangesNothing() {
        RestTestClient client = start("agent.name=open-agent", "agent.shutdown-delay=2s");

        client.get().uri("/shutdown").exchange().expectStatus().isAccepted();
        client.get()
                .uri("/shutdown")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("STOPPING");
        client.get().uri("/status").exchange().expectBody().jsonPath("$.state").isEqualTo("STOPPING");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestAgentApplication.EXITS).containsExactly(0));
    }
}
