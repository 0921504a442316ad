package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillCancelledException;
import dev.runtimeservice.agent.sdk.skill.SkillContext;
import dev.runtimeservice.agent.sdk.skill.SkillInputException;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import dev.runtimeservice.agent.sdk.skill.Turn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one task's skill on a worker thread: working, then the answer as an artifact (a text part and a data part)
 * and completed, or failed with a message that says what to change, or canceled once the skill stopped at a safe
 * point after a cancel. Progress and pieces of text stream to the task's subscribers as they come.
 */
final class SkillWork implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SkillWork.class);

    private final LiveTask live;
    private final Skill<?> skill;
    private final Object input;
    private final List<Turn> history;
    private final JsonMapper json;

    SkillWork(LiveTask live, Skill<?> skill, Object input, List<Turn> history, JsonMapper json) {
        this.live = live;
        this.skill = skill;
        this.input = input;
        this.history = history;
        this.json = json;
    }

    @Override
    public void run() {
        if (!live.begin()) {
            return; // cancelled while it waited for a worker: CancelTask has ended it, nothing ran
        }
        TaskEvents.status(live, TaskState.TASK_STATE_WORKING, null);
        try {
            complete(runSkill());
        } catch (SkillCancelledException e) {
            cancelled(String.valueOf(e.getMessage()));
        } catch (SkillInputException e) {
            TaskEvents.status(live, TaskState.TASK_STATE_FAILED, e.getMessage());
        } catch (Exception | LinkageError e) {
            if (live.isCancelled()) {
                // A handler that stops on a cancel by failing (gpt4's model refusing the next token) stopped here.
                cancelled("The work stopped at its next step.");
            } else {
                log.warn("Task {} (skill {}) failed: {}", live.task().id(), skill.id(), e.toString());
                TaskEvents.status(
                        live, TaskState.TASK_STATE_FAILED, "Skill " + skill.id() + " failed: " + e.getMessage());
            }
        }
    }

    /**
     * The answer as an artifact, then completed. A skill that returns although its task was cancelled finished its
     * work before its next safe point: its effects are all there, so the task completes with them (and CancelTask
     * answers that it came too late) rather than claiming a cancel that stopped nothing.
     */
    private void complete(SkillResult result) {
        Task task = live.task();
        Object data = withoutNulls(json.convertValue(result.data(), Object.class));
        Artifact answer = new Artifact(
                task.id() + "-answer",
                skill.id(),
                "The answer of skill " + skill.id(),
                List.of(Part.text(result.text()), Part.data(data)),
                Map.of("skill", skill.id()));
        live.update(
                task.with(answer),
                StreamResponse.of(new StreamResponse.ArtifactUpdate(task.id(), task.contextId(), answer, false, true)),
                true);
        TaskEvents.status(live, TaskState.TASK_STATE_COMPLETED, null);
    }

    /**
     * The data without its null fields: a JSON null inside a data part makes the official A2A Java client fail to
     * read the whole task (its Struct mapping collects into a map that refuses nulls; a2a-java issues 1159 and
     * 1160, open in every release so far). A field left out reads as null for any JSON client.
     */
    @SuppressWarnings("unchecked")
    static Object withoutNulls(Object data) {
        if (data instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> {
                if (value != null) {
                    kept.put(key, withoutNulls(value));
                }
            });
            return kept;
        }
        if (data instanceof List<?> list) {
            return list.stream().map(v -> v == null ? null : withoutNulls(v)).toList();
        }
        return data;
    }

    private void cancelled(String doneSoFar) {
        TaskEvents.status(live, TaskState.TASK_STATE_CANCELED, "Cancelled by the client. " + doneSoFar);
    }

    @SuppressWarnings("unchecked")
    private SkillResult runSkill() throws Exception {
        return ((Skill<Object>) skill).run(input, new Context());
    }

    /** What the handler sees of its task. */
    private final class Context implements SkillContext {

        @Override
        public List<Turn> history() {
            return history;
        }

        @Override
        public boolean isCancelled() {
            return live.isCancelled();
        }

        @Override
        public void progress(String message) {
            Task task = live.task();
            live.publish(StreamResponse.of(new StreamResponse.StatusUpdate(
                    task.id(),
                    task.contextId(),
                    TaskStatus.now(
                            TaskState.TASK_STATE_WORKING, Message.fromAgent(task.id(), task.contextId(), message)),
                    null)));
        }

        @Override
        public void partial(String textChunk) {
            if (textChunk.isEmpty()) {
                return; // an empty piece (a model's token without text) tells an A2A client nothing
            }
            live.publishText(new Artifact(
                    live.task().id() + "-stream",
                    "stream",
                    "The answer as it is produced",
                    List.of(Part.text(textChunk)),
                    null));
        }
    }
}
