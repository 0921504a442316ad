package dev.runtimeservice.manager.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.AgentState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of an event as /api/events sends it, with the manager's snake_case names and the event's kind. */
class LifecycleEventJsonTest {

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Test
    void aStateChangeCarriesItsKindStatesAndReasonInSnakeCase() {
        String text = json.writeValueAsString(new AgentStateChanged(
                7,
                Instant.parse("2026-01-01T00:00:00Z"),
                "vfs",
                "launch-1",
                AgentState.BACKOFF,
                AgentState.RUNNING,
                "exited on its own with code 1",
                1,
                4211L,
                8001,
                0,
                Instant.parse("2026-01-01T00:00:01Z")));
        assertThat(text)
                .contains("\"kind\":\"state\"")
                .contains("\"launch_id\":\"launch-1\"")
                .contains("\"state\":\"BACKOFF\"")
                .contains("\"previous\":\"RUNNING\"")
                .contains("\"exit_code\":1")
                .contains("\"time\":\"2026-01-01T00:00:00Z\"")
                .contains("\"next_restart_at\":\"2026-01-01T00:00:01Z\"");
    }

    @Test
    void restartsAndStandbysSayWhatTheyAre() {
        assertThat(json.writeValueAsString(new AgentRestarted(8, Instant.EPOCH, "vfs", "l", 2, "it exited")))
                .contains("\"kind\":\"restart\"")
                .contains("\"restarts\":2");
        assertThat(json.writeValueAsString(new StandbyChanged(9, Instant.EPOCH, "vfs", StandbyChanged.Change.USED, 42)))
                .contains("\"kind\":\"standby\"")
                .contains("\"change\":\"USED\"");
    }
}
