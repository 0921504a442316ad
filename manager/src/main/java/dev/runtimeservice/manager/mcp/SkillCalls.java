package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.common.json.WholeNumbers;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.MessageEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.spec.DataPart;
import io.a2a.spec.ListTasksParams;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TextPart;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Forwards one skill tool call to its agent over A2A and turns the task's answer into a tool result: the text parts
 * as text content, the data part as structured content; a failed, rejected or unanswered task, or one that passes
 * the tool timeout or that the client cancels (then cancelled at the agent too), as an error result that says what
 * happened.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class SkillCalls implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SkillCalls.class);

    private final A2aClients a2a;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mcp-skill-call");
        thread.setDaemon(true);
        return thread;
    });

    SkillCalls(A2aClients a2a, McpProperties properties) {
        this.a2a = a2a;
        this.timeout = properties.toolTimeout();
    }

    /**
     * Calls the skill and waits for its answer, at most the tool timeout; {@code cancelled} completes when the client
     * cancels the call. A call given up for either reason is cancelled at the agent too.
     */
    CallToolResult call(
            SkillTool tool, URI agentUrl, Map<String, Object> arguments, CompletableFuture<Void> cancelled) {
        String contextId = "mcp-" + UUID.randomUUID();
        AtomicReference<@Nullable Client> client = new AtomicReference<>();
        CompletableFuture<ClientEvent> answer = new CompletableFuture<>();
        Future<?> work = calls.submit(() -> {
            try {
                Client made = a2a.client(a2a.card(a2a.cardJson(agentUrl)));
                client.set(made);
                answer.complete(send(made, message(tool, arguments, contextId)));
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            CompletableFuture.anyOf(answer, cancelled).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!answer.isDone()) {
                giveUp(work, client.get(), contextId);
                return ToolResults.error(tool.name() + " was cancelled by the client.");
            }
            return result(tool, answer.get());
        } catch (TimeoutException e) {
            giveUp(work, client.get(), contextId);
            return ToolResults.error(tool.name() + " took longer than " + timeout.toSeconds() + " s "
                    + "(runtime.mcp.tool-timeout, MCP_TOOL_TIMEOUT) and was cancelled; ask for less, or raise the "
                    + "timeout.");
        } catch (InterruptedException e) {
            giveUp(work, client.get(), contextId);
            Thread.currentThread().interrupt();
            return ToolResults.error(tool.name() + " was cancelled.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.info("MCP tool {} could not reach agent {}: {}", tool.name(), tool.agent(), cause.toString());
            return ToolResults.error(tool.name() + " could not be carried out by agent " + tool.agent() + " at "
                    + agentUrl + ": " + cause.getMessage() + ". Check that it runs (list_agents) and read its log "
                    + "(agent_logs).");
        }
    }

    private static void giveUp(Future<?> work, @Nullable Client client, String contextId) {
        work.cancel(true);
        cancelAtTheAgent(client, contextId);
    }

    private static ClientEvent send(Client client, Message message) throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        client.sendMessage(message, List.of((event, card) -> events.add(event)), errors::add, null);
        if (events.isEmpty()) {
            Throwable error = errors.stream().filter(e -> e != null).findFirst().orElse(null);
            throw new IllegalStateException(
                    error == null ? "the agent sent no answer" : "the agent answered with an error: " + error);
        }
        return events.get(events.size() - 1);
    }

    private static Message message(SkillTool tool, Map<String, Object> arguments, String contextId) {
        Message.Builder message = Message.builder()
                .role(Message.Role.ROLE_USER)
                .messageId(UUID.randomUUID().toString())
                .contextId(contextId)
                .metadata(Map.of("skill", tool.skill()));
        if (tool.dataInput()) {
            return message.parts(new DataPart(Map.of("skill", tool.skill(), "input", arguments)))
                    .build();
        }
        return message.parts(new TextPart(String.valueOf(arguments.getOrDefault("text", ""))))
                .build();
    }

    private static CallToolResult result(SkillTool tool, ClientEvent event) {
        if (event instanceof MessageEvent message) {
            return ToolResults.of(
                    texts(message.getMessage().parts()),
                    data(message.getMessage().parts()));
        }
        Task task = event instanceof TaskEvent t ? t.getTask() : ((TaskUpdateEvent) event).getTask();
        String said = task.status().message() == null
                ? ""
                : texts(task.status().message().parts());
        return switch (task.status().state()) {
            case TASK_STATE_COMPLETED -> completed(task);
            case TASK_STATE_INPUT_REQUIRED, TASK_STATE_AUTH_REQUIRED ->
                ToolResults.error(tool.name() + " needs more input: " + said);
            default ->
                ToolResults.error(tool.name() + " ended " + state(task) + " at agent " + tool.agent()
                        + (said.isBlank() ? "" : ": " + said));
        };
    }

    private static CallToolResult completed(Task task) {
        List<Part<?>> parts = new ArrayList<>();
        if (task.artifacts() != null) {
            task.artifacts().forEach(artifact -> parts.addAll(artifact.parts()));
        }
        return ToolResults.of(texts(parts), data(parts));
    }

    private static String state(Task task) {
        return task.status().state().name().replace("TASK_STATE_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String texts(List<Part<?>> parts) {
        return String.join(
                "\n",
                parts.stream()
                        .filter(TextPart.class::isInstance)
                        .map(part -> ((TextPart) part).text())
                        .toList());
    }

    private static @Nullable Map<?, ?> data(List<Part<?>> parts) {
        return parts.stream()
                .filter(part -> part instanceof DataPart data && data.data() instanceof Map<?, ?>)
                .map(part -> (Map<?, ?>) WholeNumbers.of(((DataPart) part).data()))
                .findFirst()
                .orElse(null);
    }

    /** Cancels the tasks of a call that is given up, so the agent stops working on an answer nobody reads. */
    private static void cancelAtTheAgent(@Nullable Client client, String contextId) {
        if (client == null) {
            return;
        }
        try {
            client.listTasks(ListTasksParams.builder().contextId(contextId).build(), null).tasks().stream()
                    .filter(task -> !task.status().state().isFinal())
                    .forEach(task -> {
                        try {
                            client.cancelTask(new TaskIdParams(task.id()), null);
                        } catch (Exception e) {
                            log.info(
                                    "Could not cancel A2A task {} at its agent, which may work on until it ends: {}",
                                    task.id(),
                                    e.toString());
                        }
                    });
        } catch (Exception e) {
            // An agent that is gone has nothing left to cancel; one that still runs may work on: either way, say so.
            log.info(
                    "Could not find the A2A tasks of a given-up tool call (context {}) to cancel them at the agent: {}",
                    contextId,
                    e.toString());
        }
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
