package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A task's state, with the agent's message about it.
 *
 * @param state the state
 * @param message what the agent says about it (the question when input is required, the reason when failed)
 * @param timestamp when the state was entered, ISO 8601 in UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskStatus(
        TaskState state,
        @Nullable Message message,
        @Nullable String timestamp) {

    /**
     * A status entered now.
     *
     * @param state the state
     * @param message the agent's message, or null
     * @return the status
     */
    public static TaskStatus now(TaskState state, @Nullable Message message) {
        return new TaskStatus(
                state, message, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
