package dev.runtimeservice.agent.orchestrator.delegation;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.common.json.WholeNumbers;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.MessageEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.transport.spi.interceptors.ClientCallContext;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Artifact;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls one skill of any agent over A2A ({@code SendMessage}, the skill named in the message's metadata) and waits
 * for the task's end within {@code orchestrator.call-timeout}; every failure becomes a {@link DelegationException}
 * that says what happened.
 */
@Component
public class SkillDelegate implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SkillDelegate.class);
    private static final int MAX_TEXT = 64 * 1024;

    private final A2aClientFactory clients;
    private final JsonMapper json;
    private final Duration timeout;
    // The official client blocks without a deadline of its own: each call runs here and is waited for with one.
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "a2a-delegate");
        thread.setDaemon(true);
        return thread;
    });

    SkillDelegate(A2aClientFactory clients, JsonMapper json, OrchestratorProperties properties) {
        this.clients = clients;
        this.json = json;
        this.timeout = properties.callTimeout();
    }

    /**
     * Runs a skill and waits for its answer.
     *
     * @param target the agent and skill
     * @param input what to send
     * @param requestId the instruction's request id, sent as {@code X-Request-Id}
     * @return the completed task's answer
     * @throws DelegationException when the call fails, times out or the task does not complete
     */
    public Delegation call(SkillTarget target, SkillInput input, String requestId) {
        String request = "A2A SendMessage " + target.jsonRpcUrl() + " skill " + target.skill();
        log.info("Calling {} ({}) with {}", request, target.agent(), input.describe());
        long start = System.nanoTime();
        // The call's headers (its traceparent above all) are read here, inside the caller's "agent call" span: the
        // worker thread below has no current span, and a context made there carried no trace into the agent.
        ClientCallContext context = clients.context(requestId);
        CompletableFuture<Task> answered =
                CompletableFuture.supplyAsync(() -> send(target, message(target, input), context), calls);
        Task task;
        try {
            task = answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answered.cancel(true);
            throw new DelegationException(
                    HttpStatus.GATEWAY_TIMEOUT,
                    "%s did not answer %s within %s; try again, or raise orchestrator.call-timeout"
                            .formatted(target.agent(), request, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DelegationException(HttpStatus.SERVICE_UNAVAILABLE, request + " was interrupted");
        } catch (ExecutionException e) {
            throw failure(target, request, Objects.requireNonNullElse(e.getCause(), e));
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        String state = state(task.status().state());
        log.info("{} ended {} in {} ms (task {})", request, state, took, task.id());
        if (task.status().state() != TaskState.TASK_STATE_COMPLETED) {
            String why = text(task.status().message());
            throw new DelegationException(
                            HttpStatus.BAD_GATEWAY,
                            "%s's task %s ended %s: %s"
                                    .formatted(
                                            target.agent(),
                                            task.id(),
                                            state,
                                            why.isBlank() ? "it gave no reason" : why))
                    .with("agent_task", task.id())
                    .with("agent_state", state);
        }
        return answer(request, took, task, state);
    }

    private Task send(SkillTarget target, Message message, ClientCallContext context) {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        BiConsumer<ClientEvent, AgentCard> collect = (event, card) -> events.add(event);
        Client client = null;
        try {
            client = clients.client(target.agent(), target.jsonRpcUrl());
            client.sendMessage(message, List.of(collect), errors::add, context);
        } catch (A2AClientException e) {
            throw new CallFailed(e);
        } finally {
            if (client != null) {
                client.close();
            }
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            ClientEvent event = events.get(i);
            if (event instanceof TaskEvent t) {
                return t.getTask();
            }
            if (event instanceof TaskUpdateEvent u) {
                return u.getTask();
            }
            if (event instanceof MessageEvent m) {
                // An agent may answer with a message instead of a task: that is a completed answer.
                return Task.builder()
                        .id(Objects.requireNonNullElse(m.getMessage().taskId(), "none"))
                        .contextId(Objects.requireNonNullElse(m.getMessage().contextId(), "none"))
                        .status(new io.a2a.spec.TaskStatus(TaskState.TASK_STATE_COMPLETED))
                        .artifacts(List.of(Artifact.builder()
                                .artifactId("message")
                                .parts(m.getMessage().parts())
                                .build()))
                        .build();
            }
        }
        Throwable error = errors.stream().filter(Objects::nonNull).findFirst().orElse(null);
        throw new CallFailed(
                error != null ? error : new IllegalStateException("the agent answered neither a task nor a message"));
    }

    private Message message(SkillTarget target, SkillInput input) {
        Map<String, Object> skill = Map.of("skill", target.skill());
        Part<?> part = input.data() != null ? new DataPart(input.data(), skill) : new TextPart(input.text(), skill);
        return Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .metadata(skill)
                .parts(part)
                .build();
    }

    private Delegation answer(String request, long took, Task task, String state) {
        StringBuilder text = new StringBuilder();
        @Nullable Object data = null;
        for (Artifact artifact : Objects.requireNonNullElse(task.artifacts(), List.<Artifact>of())) {
            for (Part<?> part : artifact.parts()) {
                if (part instanceof TextPart t) {
                    text.append(text.isEmpty() ? "" : "\n").append(t.text());
                } else if (part instanceof DataPart d && data == null) {
                    data = json.valueToTree(WholeNumbers.of(d.data()));
                }
            }
        }
        String output = cut(text.toString());
        if (output.isBlank() && data != null) {
            output = cut(json.writeValueAsString(data));
        }
        return new Delegation(request, 200, took, data != null ? data : output, task.id(), state, output);
    }

    private static DelegationException failure(SkillTarget target, String request, Throwable error) {
        Throwable cause = error instanceof CallFailed failed ? failed.getCause() : error;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new DelegationException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ("%s did not accept a connection at %s; it may have just stopped: check GET /agents and "
                                        + "launch it again through the manager")
                                .formatted(target.agent(), target.jsonRpcUrl()));
            }
        }
        return new DelegationException(
                HttpStatus.BAD_GATEWAY,
                "%s failed: %s".formatted(request, cause == null ? "unknown error" : describe(cause)));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static String text(@Nullable Message message) {
        if (message == null) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        message.parts().forEach(p -> {
            if (p instanceof TextPart t) {
                texts.add(t.text());
            }
        });
        return String.join(" ", texts);
    }

    private static String state(TaskState state) {
        return state.name().replace("TASK_STATE_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…(cut at 64 KiB)" : text;
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** Carries the client's failure out of the call's thread. */
    private static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailed(Throwable cause) {
            super(cause);
        }
    }
}
