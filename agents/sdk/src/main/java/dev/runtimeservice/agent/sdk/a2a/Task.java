package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work the agent does for a client.
 *
 * @param id the task's id, made by the agent
 * @param contextId the conversation it belongs to
 * @param status its current status
 * @param artifacts its outputs
 * @param history the messages exchanged, oldest first
 * @param metadata optional metadata; {@code skill} names the skill that serves it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(
        String id,
        String contextId,
        TaskStatus status,
        @Nullable List<Artifact> artifacts,
        @Nullable List<Message> history,
        @Nullable Map<String, Object> metadata) {

    /**
     * The same task in another status; the status message, if any, joins the history.
     *
     * @param next the new status
     * @return the task
     */
    public Task with(TaskStatus next) {
        List<Message> messages = new ArrayList<>(history == null ? List.of() : history);
        if (next.message() != null) {
            messages.add(next.message());
        }
        return new Task(id, contextId, next, artifacts, List.copyOf(messages), metadata);
    }

    /**
     * The same task with one more artifact.
     *
     * @param artifact the artifact
     * @return the task
     */
    public Task with(Artifact artifact) {
        List<Artifact> all = new ArrayList<>(artifacts == null ? List.of() : artifacts);
        all.add(artifact);
        return new Task(id, contextId, status, List.copyOf(all), history, metadata);
    }

    /**
     * The same task with one more message from the client.
     *
     * @param message the message
     * @return the task
     */
    public Task withMessage(Message message) {
        List<Message> messages = new ArrayList<>(history == null ? List.of() : history);
        messages.add(message);
        return new Task(id, contextId, status, artifacts, List.copyOf(messages), metadata);
    }

    /**
     * The same task with other metadata.
     *
     * @param next the metadata, or null to keep the current one
     * @return the task
     */
    public Task withMetadata(@Nullable Map<String, Object> next) {
        return next == null ? this : new Task(id, contextId, status, artifacts, history, next);
    }

    /**
     * The task as a client asked to see it: the last {@code historyLength} messages.
     *
     * @param historyLength how many messages to keep; null keeps all, 0 none
     * @return the task
     */
    public Task trimmed(@Nullable Integer historyLength) {
        if (historyLength == null || history == null || history.size() <= historyLength) {
            return this;
        }
        List<Message> last =
                historyLength <= 0 ? List.of() : history.subList(history.size() - historyLength, history.size());
        return new Task(id, contextId, status, artifacts, List.copyOf(last), metadata);
    }
}
