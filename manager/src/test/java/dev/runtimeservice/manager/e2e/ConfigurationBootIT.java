package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad configuration value stops the packaged manager at boot with a message naming the key, and no stack trace. */
class ConfigurationBootIT {

    @Test
    void aBadValueStopsTheManagerAtBootNamingTheEnvironmentVariable() throws Exception {
        try (PackagedManager manager = PackagedManager.start(
                Map.of(
                        "MIN_AGENT_PORT",
                        "lots",
                        "PORT",
                        "0",
                        "LOG_DIR",
                        Path.of("target/boot-logs").toAbsolutePath().toString()),
                Path.of("target/boot.out"))) {
            assertThat(manager.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(manager.output())
                    .contains("MIN_AGENT_PORT")
                    .contains("'lots'")
                    .contains("config/application.yml");
        }
    }

    @Test
    void anAgentThatCannotBeKeptInStandbyStopsTheManagerAtBootNamingIt() throws Exception {
        try (PackagedManager manager = PackagedManager.start(
                Map.of(
                        "AGENT_STANDBY",
                        "vfs,nosuch",
                        "PORT",
                        "0",
                        "LOG_DIR",
                        Path.of("target/boot-logs").toAbsolutePath().toString()),
                Path.of("target/boot-standby.out"))) {
            assertThat(manager.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(manager.output())
                    .contains("APPLICATION FAILED TO START")
                    .contains("AGENT_STANDBY names nosuch: No agent named nosuch")
                    .contains("config/application.yml")
                    .doesNotContainPattern("(?m)^\\s+at ");
        }
    }
}
