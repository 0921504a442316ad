package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of a stream (and, with only {@code task} or {@code message} set, the answer to a send): exactly one
 * field is set.
 *
 * @param task the whole task
 * @param message a message
 * @param statusUpdate a change of status
 * @param artifactUpdate a new artifact or a piece of one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamResponse(
        @Nullable Task task,
        @Nullable Message message,
        @Nullable StatusUpdate statusUpdate,
        @Nullable ArtifactUpdate artifactUpdate) {

    static StreamResponse of(Task task) {
        return new StreamResponse(task, null, null, null);
    }

    static StreamResponse of(StatusUpdate update) {
        return new StreamResponse(null, null, update, null);
    }

    static StreamResponse of(ArtifactUpdate update) {
        return new StreamResponse(null, null, null, update);
    }

    /** @return whether this event ends a stream */
    boolean isLast() {
        return (task != null && task.status().state().endsStream())
                || (statusUpdate != null && statusUpdate.status().state().endsStream());
    }

    /**
     * A task's change of status ({@code TaskStatusUpdateEvent}).
     *
     * @param taskId the task
     * @param contextId its conversation
     * @param status the new status
     * @param metadata optional metadata
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusUpdate(
            String taskId,
            String contextId,
            TaskStatus status,
            @Nullable Map<String, Object> metadata) {}

    /**
     * A task's new artifact or piece of one ({@code TaskArtifactUpdateEvent}).
     *
     * @param taskId the task
     * @param contextId its conversation
     * @param artifact the artifact or the piece
     * @param append whether the piece adds to what was sent before under the same artifact id
     * @param lastChunk whether this is the artifact's last piece
     */
    public record ArtifactUpdate(
            String taskId, String contextId, Artifact artifact, boolean append, boolean lastChunk) {}
}
