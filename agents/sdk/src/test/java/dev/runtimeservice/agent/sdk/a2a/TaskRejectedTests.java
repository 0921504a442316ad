package dev.runtimeservice.agent.sdk.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import dev.runtimeservice.agent.sdk.skill.Skills;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TASK_STATE_REJECTED: the agent declines a task it cannot take on, here because every worker is busy and no place
 * in the queue is left ({@code agent.a2a.workers} 1 and {@code agent.a2a.queue} 0). Through the JSON-RPC methods
 * with the real task service, store and workers, without HTTP: the state is decided there, and the wire shapes are
 * the ones {@link A2aClientTests} reads with the official client.
 */
class TaskRejectedTests {

    @TempDir
    Path home;

    final JsonMapper json = JsonMapper.builder().build();
    final CountDownLatch release = new CountDownLatch(1);
    final ThreadPoolExecutor oneWorkerNoQueue =
            new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new SynchronousQueue<>());

    @AfterEach
    void stop() {
        release.countDown();
        oneWorkerNoQueue.shutdownNow();
    }

    @Test
    void aMessageThatFindsNoFreeWorkerNorQueuePlaceIsRejectedAndSaysWhenToTryAgain() throws Exception {
        JsonRpcMethods methods = methods();
        JsonNode busy = call(methods, "SendMessage", send("hold the first", true));
        String busyId = busy.at("/task/id").asString();

        // Returning at once, so that a task wrongly queued fails the test instead of waiting for the first one.
        JsonNode rejected =
                call(methods, "SendMessage", send("hold the second", true)).get("task");

        assertThat(rejected.at("/status/state").asString()).isEqualTo("TASK_STATE_REJECTED");
        assertThat(rejected.at("/status/message/parts/0/text").asString()).contains("busy", "send the message again");
        String id = rejected.get("id").asString();
        assertThat(call(methods, "GetTask", "{\"id\": \"" + id + "\"}")
                        .at("/status/state")
                        .asString())
                .isEqualTo("TASK_STATE_REJECTED");
        assertThat(call(methods, "tasks/get", "{\"id\": \"" + id + "\"}")
                        .at("/status/state")
                        .asString())
                .isEqualTo("rejected");
        // Rejected is final: nothing to cancel.
        assertThatThrownBy(() -> call(methods, "CancelTask", "{\"id\": \"" + id + "\"}"))
                .isInstanceOfSatisfying(
                        A2aException.class, e -> assertThat(e.code()).isEqualTo(-32002));

        release.countDown();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> call(methods, "GetTask", "{\"id\": \"" + busyId + "\"}")
                        .at("/status/state")
                        .asString()
                        .equals("TASK_STATE_COMPLETED"));
    }

    private JsonRpcMethods methods() {
        Skill<Hold> hold = Skill.withText(
                new AgentSkill("hold", "Hold", "Waits until the test lets it go.", List.of("test"), List.of("hold")),
                Hold.class,
                String.class,
                Hold::new,
                (input, context) -> {
                    release.await();
                    return new SkillResult("released", "released");
                });
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        TaskService tasks = new TaskService(
                new SkillRouter(new Skills(List.of(hold)), new SkillInputs(json, validator)),
                new TaskStore(home, json, 10, Duration.ofHours(1), Clock.systemUTC()),
                oneWorkerNoQueue,
                json,
                Duration.ofSeconds(1));
        return new JsonRpcMethods(tasks, json);
    }

    private JsonNode call(JsonRpcMethods methods, String method, String params) throws InterruptedException {
        return json.valueToTree(methods.call(method, json.readTree(params)));
    }

    private static String send(String text, boolean returnImmediately) {
        String template = """
                {"message": {"messageId": "%s", "role": "ROLE_USER", "parts": [{"text": "%s"}]},
                 "configuration": {"returnImmediately": %s}}""";
        return template.formatted(java.util.UUID.randomUUID(), text, returnImmediately);
    }

    /**
     * The hold skill's input.
     *
     * @param text anything
     */
    public record Hold(String text) {}
}
