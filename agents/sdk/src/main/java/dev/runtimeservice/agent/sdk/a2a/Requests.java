package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parameters of the A2A operations, as in {@code a2a.proto}. */
final class Requests {

    private Requests() {}

    /**
     * {@code SendMessageRequest}.
     *
     * @param tenant unused here
     * @param message the client's message
     * @param configuration how to answer
     * @param metadata optional metadata
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SendMessage(
            @Nullable String tenant,
            @Nullable Message message,
            @Nullable Configuration configuration,
            @Nullable Map<String, Object> metadata) {

        boolean returnImmediately() {
            return configuration != null
                    && (Boolean.TRUE.equals(configuration.returnImmediately())
                            || Boolean.FALSE.equals(configuration.blocking()));
        }

        @Nullable
        Integer historyLength() {
            return configuration == null ? null : configuration.historyLength();
        }
    }

    /**
     * {@code SendMessageConfiguration}; {@code blocking} is the 0.3 name of the opposite of returnImmediately.
     *
     * @param acceptedOutputModes media types the client accepts
     * @param historyLength how many messages of the history to return
     * @param returnImmediately whether to answer before the task settles
     * @param blocking 0.3: whether to wait for the task to settle
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Configuration(
            @Nullable List<String> acceptedOutputModes,
            @Nullable Integer historyLength,
            @Nullable Boolean returnImmediately,
            @Nullable Boolean blocking) {}

    /**
     * {@code GetTaskRequest}, {@code CancelTaskRequest} and {@code SubscribeToTaskRequest}.
     *
     * @param id the task's id
     * @param historyLength how many messages of the history to return
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaskId(@Nullable String id, @Nullable Integer historyLength) {}

    /**
     * {@code ListTasksRequest}.
     *
     * @param contextId only the tasks of this conversation
     * @param status only the tasks in this state
     * @param pageSize how many tasks per page, 1 to 100, default 50
     * @param pageToken the page to return, from a previous answer's nextPageToken
     * @param historyLength how many messages of each task's history to return
     * @param includeArtifacts whether to return the tasks' artifacts
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListTasks(
            @Nullable String contextId,
            @Nullable TaskState status,
            @Nullable Integer pageSize,
            @Nullable String pageToken,
            @Nullable Integer historyLength,
            @Nullable Boolean includeArtifacts) {}

    /**
     * {@code ListTasksResponse}.
     *
     * @param tasks the page of tasks
     * @param nextPageToken the token of the next page, empty on the last one
     * @param pageSize the page size used
     * @param totalSize how many tasks match
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TaskPage(List<Task> tasks, String nextPageToken, int pageSize, int totalSize) {}
}
