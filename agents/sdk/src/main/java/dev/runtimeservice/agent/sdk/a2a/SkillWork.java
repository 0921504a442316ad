package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillContext;
import dev.runtimeservice.agent.sdk.skill.SkillInputException;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import dev.runtimeservice.agent.sdk.skill.Turn;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one task's skill on a worker thread: working, then the answer as an artifact (a text part and a data part)
 * and completed, or failed with a message that says what to change. Progress and pieces of text stream to the
 * task's subscribers as they come.
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
        if (live.isCancelled()) {
            return;
        }
        TaskEvents.status(live, TaskState.TASK_STATE_WORKING, null);
        try {
            SkillResult result = runSkill();
            if (live.isCancelled()) {
                return;
            }
            Task task = live.task();
            Object data = json.convertValue(result.data(), Object.class);
            Artifact answer = new Artifact(
                    task.id() + "-answer",
                    skill.id(),
                    "The answer of skill " + skill.id(),
                    List.of(Part.text(result.text()), Part.data(data)),
                    Map.of("skill", skill.id()));
            live.update(
                    task.with(answer),
                    StreamResponse.of(
                            new StreamResponse.ArtifactUpdate(task.id(), task.contextId(), answer, false, true)),
                    true);
            TaskEvents.status(live, TaskState.TASK_STATE_COMPLETED, null);
        } catch (SkillInputException e) {
            TaskEvents.status(live, TaskState.TASK_STATE_FAILED, e.getMessage());
        } catch (Exception | LinkageError e) {
            if (!live.isCancelled()) {
                log.warn("Task {} (skill {}) failed: {}", live.task().id(), skill.id(), e.toString());
                TaskEvents.status(
                        live, TaskState.TASK_STATE_FAILED, "Skill " + skill.id() + " failed: " + e.getMessage());
            }
        }
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
            Task task = live.task();
            boolean first = live.startsTextStream();
            Artifact piece = new Artifact(
                    task.id() + "-stream",
                    "stream",
                    "The answer as it is produced",
                    List.of(Part.text(textChunk)),
                    null);
            live.publish(StreamResponse.of(
                    new StreamResponse.ArtifactUpdate(task.id(), task.contextId(), piece, !first, false)));
        }
    }
}
