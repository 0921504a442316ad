package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.skill.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's tasks, one JSON file each in a folder of its home, so that a task is still answered after the agent
 * restarts. Bounded: a task expires its time-to-live after its last change, and past the most tasks the oldest go
 * first. A task that was running when the agent stopped is read back as failed, since its work is lost.
 */
final class TaskStore {

    private static final Logger log = LoggerFactory.getLogger(TaskStore.class);

    private final Path folder;
    private final JsonMapper json;
    private final int maxTasks;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, StoredTask> tasks = new HashMap<>();

    TaskStore(Path folder, JsonMapper json, int maxTasks, Duration timeToLive, Clock clock) {
        this.folder = folder;
        this.json = json;
        this.maxTasks = maxTasks;
        this.timeToLive = timeToLive;
        this.clock = clock;
        load();
    }

    synchronized Optional<Task> find(String id) {
        expire();
        return Optional.ofNullable(tasks.get(id)).map(StoredTask::task);
    }

    synchronized void save(Task task) {
        Instant now = clock.instant();
        StoredTask before = tasks.get(task.id());
        StoredTask stored = new StoredTask(task, before == null ? now : before.created(), now);
        tasks.put(task.id(), stored);
        write(stored);
        expire();
        evictBeyondLimit();
    }

    /** Tasks matching the filter, the most recently changed first. */
    synchronized List<Task> list(Predicate<Task> filter) {
        expire();
        return tasks.values().stream()
                .sorted(Comparator.comparing(StoredTask::updated)
                        .reversed()
                        .thenComparing(s -> s.task().id()))
                .map(StoredTask::task)
                .filter(filter)
                .toList();
    }

    /** The turns of a conversation before a task: each earlier task's client messages and answers. */
    synchronized List<Turn> turns(String contextId, String beforeTaskId) {
        List<Turn> turns = new ArrayList<>();
        tasks.values().stream()
                .filter(s -> s.task().contextId().equals(contextId))
                .filter(s -> !s.task().id().equals(beforeTaskId))
                .sorted(Comparator.comparing(StoredTask::created))
                .forEach(s -> addTurns(s.task(), turns));
        return turns;
    }

    private static void addTurns(Task task, List<Turn> turns) {
        if (task.history() != null) {
            task.history().stream()
                    .filter(m -> m.role() == Role.ROLE_USER && !m.text().isBlank())
                    .forEach(m -> turns.add(new Turn(true, m.text())));
        }
        if (task.artifacts() != null) {
            task.artifacts()
                    .forEach(a -> a.parts().stream()
                            .filter(p -> p.text() != null)
                            .forEach(p -> turns.add(new Turn(false, p.text()))));
        }
    }

    private void expire() {
        Instant oldest = clock.instant().minus(timeToLive);
        List<String> expired = tasks.values().stream()
                .filter(s -> s.updated().isBefore(oldest))
                .map(s -> s.task().id())
                .toList();
        expired.forEach(this::remove);
    }

    private void evictBeyondLimit() {
        if (tasks.size() <= maxTasks) {
            return;
        }
        // Finished tasks go before unfinished ones, oldest first: a running task is never dropped while it works
        // unless every kept task is running.
        tasks.values().stream()
                .sorted(Comparator.comparing(
                                (StoredTask s) -> !s.task().status().state().isTerminal())
                        .thenComparing(StoredTask::updated))
                .limit(tasks.size() - maxTasks)
                .map(s -> s.task().id())
                .toList()
                .forEach(this::remove);
    }

    private void remove(String id) {
        tasks.remove(id);
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            log.warn("Could not delete the expired task file {}: {}", file(id), e.getMessage());
        }
    }

    private void write(StoredTask stored) {
        Path target = file(stored.task().id());
        Path temporary = folder.resolve(stored.task().id() + ".json.tmp");
        try {
            Files.createDirectories(folder);
            Files.write(temporary, json.writeValueAsBytes(stored));
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not keep task " + stored.task().id() + " in " + folder, e);
        }
    }

    private Path file(String id) {
        return folder.resolve(id + ".json");
    }

    private void load() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(this::read);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the tasks in " + folder, e);
        }
        expire();
        log.info("Read {} A2A tasks from {}", tasks.size(), folder);
    }

    private void read(Path file) {
        try {
            StoredTask stored = json.readValue(file.toFile(), StoredTask.class);
            Task task = stored.task();
            if (!task.status().state().endsStream()) {
                task = task.with(TaskStatus.now(
                        TaskState.TASK_STATE_FAILED,
                        Message.fromAgent(
                                task.id(),
                                task.contextId(),
                                "The agent stopped while this task was running; send the message again.")));
                stored = new StoredTask(task, stored.created(), clock.instant());
                write(stored);
            }
            tasks.put(task.id(), stored);
        } catch (RuntimeException e) {
            log.warn("Skipping the unreadable task file {}: {}", file, e.getMessage());
        }
    }
}
