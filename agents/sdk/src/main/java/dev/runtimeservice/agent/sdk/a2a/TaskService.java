package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.skill.SkillInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The A2A operations, whatever the binding: a message starts a task (or continues one waiting for input), the
 * skill runs on a bounded pool of workers, and the task can be read, listed, cancelled and followed.
 */
final class TaskService {

    private final SkillRouter router;
    private final TaskStore store;
    private final ExecutorService workers;
    private final JsonMapper json;
    private final Duration cancelWait;
    private final Map<String, LiveTask> live = new ConcurrentHashMap<>();

    TaskService(SkillRouter router, TaskStore store, ExecutorService workers, JsonMapper json, Duration cancelWait) {
        this.router = router;
        this.store = store;
        this.workers = workers;
        this.json = json;
        this.cancelWait = cancelWait;
    }

    /** SendMessage: the task once it settles (or at once when the client asked to return immediately). */
    Task send(Requests.SendMessage request) throws InterruptedException {
        LiveTask task = start(request, null);
        if (request.returnImmediately()) {
            return task.task().trimmed(request.historyLength());
        }
        try {
            return task.settled().get().trimmed(request.historyLength());
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** SendStreamingMessage: starts the task with the stream already following it. */
    Subscription stream(Requests.SendMessage request) {
        BlockingQueue<StreamResponse> events = new LinkedBlockingQueue<>();
        return new Subscription(start(request, events), events);
    }

    /** SubscribeToTask: the task's snapshot, then its events until it ends or waits for input. */
    Subscription subscribe(String id) {
        LiveTask task = live.get(id);
        if (task == null) {
            Task stored = find(id);
            throw A2aException.unsupportedOperation("Task " + id + " is "
                    + stored.status().state() + " and changes no more: read it with GetTask instead of subscribing.");
        }
        BlockingQueue<StreamResponse> events = new LinkedBlockingQueue<>();
        task.subscribe(events);
        return new Subscription(task, events);
    }

    Task get(String id, @Nullable Integer historyLength) {
        return find(id).trimmed(historyLength);
    }

    Requests.TaskPage list(Requests.ListTasks request) {
        int pageSize = request.pageSize() == null ? 50 : request.pageSize();
        if (pageSize < 1 || pageSize > 100) {
            throw A2aException.invalidParams("pageSize must be between 1 and 100, not " + pageSize + ".");
        }
        int offset = offset(request.pageToken());
        String context = blankToNull(request.contextId());
        TaskState state = request.status() == TaskState.TASK_STATE_UNSPECIFIED ? null : request.status();
        List<Task> matching = store.list(t -> (context == null || t.contextId().equals(context))
                && (state == null || t.status().state() == state));
        boolean artifacts = Boolean.TRUE.equals(request.includeArtifacts());
        List<Task> page = matching.stream()
                .skip(offset)
                .limit(pageSize)
                .map(t -> t.trimmed(request.historyLength()))
                .map(t -> artifacts ? t : new Task(t.id(), t.contextId(), t.status(), null, t.history(), t.metadata()))
                .toList();
        String next = offset + pageSize < matching.size() ? String.valueOf(offset + pageSize) : "";
        // pageSize answers the size of this page: the official Java client checks that it equals the tasks sent.
        return new Requests.TaskPage(page, next, page.size(), matching.size());
    }

    /**
     * CancelTask. A task that is not running (waiting for a worker or for input) ends at once. A running skill is
     * told and stops at its next safe point (threads are never interrupted: Lucene must not be), where its worker
     * ends the task as canceled; this waits for that, so that a canceled task's work has really stopped. A skill
     * that finishes first completes, and the cancel is refused as too late. One that reaches no safe point within
     * {@code agent.a2a.cancel-wait} is marked canceled anyway: its answer, if it ever comes, is dropped.
     */
    Task cancel(String id) throws InterruptedException {
        LiveTask task = live.get(id);
        if (task == null) {
            Task stored = find(id);
            if (stored.status().state().isTerminal()) {
                throw A2aException.taskNotCancelable(stored);
            }
            task = new LiveTask(stored, store::save);
        }
        if (task.requestCancel()) {
            awaitStop(task);
        }
        TaskEvents.status(task, TaskState.TASK_STATE_CANCELED, "Cancelled by the client before its work began.");
        Task ended = task.task();
        if (ended.status().state() != TaskState.TASK_STATE_CANCELED) {
            throw A2aException.taskNotCancelable(ended);
        }
        return ended;
    }

    private void awaitStop(LiveTask task) throws InterruptedException {
        try {
            task.settled().get(cancelWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            TaskEvents.status(
                    task,
                    TaskState.TASK_STATE_CANCELED,
                    "Cancelled by the client. The skill did not reach a point where it can stop within "
                            + cancelWait.toSeconds() + " s: its work may still end, and its answer will be dropped.");
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private LiveTask start(Requests.SendMessage request, @Nullable BlockingQueue<StreamResponse> events) {
        Message message = checked(request.message());
        Task pending = message.taskId() == null ? null : waitingFor(message);
        String contextId = Objects.requireNonNullElseGet(
                message.contextId(), () -> pending == null ? UUID.randomUUID().toString() : pending.contextId());
        if (pending != null && !pending.contextId().equals(contextId)) {
            throw A2aException.invalidParams("Task " + pending.id() + " belongs to context " + pending.contextId()
                    + "; send the follow-up with that contextId or none.");
        }
        String id = pending == null ? UUID.randomUUID().toString() : pending.id();
        Message sent = new Message(
                message.messageId(),
                contextId,
                id,
                Role.ROLE_USER,
                message.parts(),
                message.metadata(),
                message.extensions(),
                message.referenceTaskIds());
        Route route;
        try {
            route = router.route(sent, pending == null ? null : firstUserText(pending));
        } catch (SkillInputException e) {
            route = new Route.Fail(String.valueOf(e.getMessage()));
        }
        Map<String, Object> metadata =
                route instanceof Route.Run run ? Map.of("skill", run.skill().id()) : null;
        Task task = pending == null
                ? new Task(
                        id,
                        contextId,
                        TaskStatus.now(TaskState.TASK_STATE_SUBMITTED, null),
                        List.of(),
                        List.of(sent),
                        metadata)
                : pending.withMessage(sent).withMetadata(metadata);
        LiveTask started = new LiveTask(task, store::save);
        store.save(task);
        if (events != null) {
            started.subscribe(events);
        }
        if (route instanceof Route.Run run) {
            submit(started, run);
        } else if (route instanceof Route.Ask ask) {
            TaskEvents.status(started, TaskState.TASK_STATE_INPUT_REQUIRED, ask.question());
        } else if (route instanceof Route.Fail fail) {
            TaskEvents.status(started, TaskState.TASK_STATE_FAILED, fail.reason());
        }
        return started;
    }

    private void submit(LiveTask task, Route.Run run) {
        String id = task.task().id();
        live.put(id, task);
        task.settled().whenComplete((t, e) -> live.remove(id, task));
        try {
            workers.execute(new SkillWork(
                    task, run.skill(), run.input(), store.turns(task.task().contextId(), id), json));
        } catch (RejectedExecutionException e) {
            TaskEvents.status(
                    task,
                    TaskState.TASK_STATE_REJECTED,
                    "The agent is busy with as many tasks as it " + "queues; send the message again in a while.");
        }
    }

    private Task waitingFor(Message message) {
        Task task = find(message.taskId());
        if (task.status().state() != TaskState.TASK_STATE_INPUT_REQUIRED) {
            throw A2aException.unsupportedOperation(
                    "Task " + task.id() + " is " + task.status().state()
                            + "; only a task waiting for input takes a follow-up. Send a new message without taskId "
                            + "(keep the contextId to stay in the conversation).");
        }
        return task;
    }

    private static String firstUserText(Task task) {
        return task.history() == null
                ? ""
                : task.history().stream()
                        .filter(m -> m.role() == Role.ROLE_USER)
                        .map(Message::text)
                        .filter(t -> !t.isBlank())
                        .findFirst()
                        .orElse("");
    }

    private static Message checked(@Nullable Message message) {
        if (message == null) {
            throw A2aException.invalidParams("params.message is missing: send {\"message\": {\"messageId\": ..., "
                    + "\"role\": \"ROLE_USER\", \"parts\": [{\"text\": ...}]}}.");
        }
        if (message.messageId() == null || message.messageId().isBlank()) {
            throw A2aException.invalidParams("message.messageId is missing: give each message a unique id.");
        }
        if (message.partsOrEmpty().isEmpty()) {
            throw A2aException.invalidParams("message.parts is empty: send at least one text or data part.");
        }
        if (message.role() != null && message.role() != Role.ROLE_USER && message.role() != Role.ROLE_UNSPECIFIED) {
            throw A2aException.invalidParams("message.role must be ROLE_USER for a message sent to the agent.");
        }
        // ProtoJSON writers send unset strings as "": an empty id is no id.
        return new Message(
                message.messageId(),
                blankToNull(message.contextId()),
                blankToNull(message.taskId()),
                Role.ROLE_USER,
                message.parts(),
                message.metadata(),
                message.extensions(),
                message.referenceTaskIds());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private Task find(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw A2aException.invalidParams("The task id is missing: send {\"id\": \"<task id>\"}.");
        }
        LiveTask running = live.get(id);
        return running != null ? running.task() : store.find(id).orElseThrow(() -> A2aException.taskNotFound(id));
    }

    private static int offset(@Nullable String pageToken) {
        if (pageToken == null || pageToken.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(pageToken));
        } catch (NumberFormatException e) {
            throw A2aException.invalidParams("pageToken " + pageToken + " is not one this agent gave; send the "
                    + "nextPageToken of the previous page.");
        }
    }
}
