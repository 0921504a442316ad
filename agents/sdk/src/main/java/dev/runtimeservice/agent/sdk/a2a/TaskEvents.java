package dev.runtimeservice.agent.sdk.a2a;

import org.jspecify.annotations.Nullable;

/** Moves a live task to a new status and tells its subscribers. */
final class TaskEvents {

    private TaskEvents() {}

    static boolean status(LiveTask live, TaskState state, @Nullable String agentSays) {
        Task task = live.task();
        Message message = agentSays == null ? null : Message.fromAgent(task.id(), task.contextId(), agentSays);
        TaskStatus status = TaskStatus.now(state, message);
        return live.update(
                task.with(status),
                StreamResponse.of(new StreamResponse.StatusUpdate(task.id(), task.contextId(), status, null)),
                true);
    }
}
