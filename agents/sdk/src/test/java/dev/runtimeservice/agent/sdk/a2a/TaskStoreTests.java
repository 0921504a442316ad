package dev.runtimeservice.agent.sdk.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class TaskStoreTests {

    @TempDir
    Path folder;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTaskIsStillThereWhenTheStoreIsReadAgainAsAfterARestart() {
        new TaskStore(folder, json, 10, Duration.ofHours(24), Clock.systemUTC())
                .save(task("t1", TaskState.TASK_STATE_COMPLETED));

        TaskStore reopened = new TaskStore(folder, json, 10, Duration.ofHours(24), Clock.systemUTC());

        assertThat(reopened.find("t1"))
                .get()
                .extracting(t -> t.status().state())
                .isEqualTo(TaskState.TASK_STATE_COMPLETED);
    }

    @Test
    void aTaskThatWasRunningWhenTheAgentStoppedComesBackFailedWithWhatToDo() {
        new TaskStore(folder, json, 10, Duration.ofHours(24), Clock.systemUTC())
                .save(task("t1", TaskState.TASK_STATE_WORKING));

        Task task = new TaskStore(folder, json, 10, Duration.ofHours(24), Clock.systemUTC())
                .find("t1")
                .orElseThrow();

        assertThat(task.status().state()).isEqualTo(TaskState.TASK_STATE_FAILED);
        assertThat(task.status().message().text()).contains("send the message again");
    }

    @Test
    void aTaskExpiresItsTimeToLiveAfterItsLastChange() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        TaskStore store = new TaskStore(folder, json, 10, Duration.ofHours(1), Clock.fixed(start, ZoneOffset.UTC));
        store.save(task("old", TaskState.TASK_STATE_COMPLETED));

        TaskStore later = new TaskStore(
                folder, json, 10, Duration.ofHours(1), Clock.fixed(start.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));

        assertThat(later.find("old")).isEmpty();
        assertThat(folder.resolve("old.json")).doesNotExist();
    }

    @Test
    void pastTheMostTasksTheOldestFinishedOnesGoFirst() throws InterruptedException {
        TaskStore store = new TaskStore(folder, json, 2, Duration.ofHours(24), Clock.systemUTC());
        store.save(task("running", TaskState.TASK_STATE_WORKING));
        Thread.sleep(5);
        store.save(task("done", TaskState.TASK_STATE_COMPLETED));
        Thread.sleep(5);
        store.save(task("new", TaskState.TASK_STATE_COMPLETED));

        assertThat(store.list(t -> true)).extracting(Task::id).containsExactlyInAnyOrder("running", "new");
    }

    private static Task task(String id, TaskState state) {
        return new Task(id, "c", TaskStatus.now(state, null), List.of(), List.of(), null);
    }
}
