package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.config.AgentProperties;
import dev.runtimeservice.agent.sdk.skill.Skills;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Serves A2A over the agent's skills: the task store in the agent's home, the workers, both bindings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(A2aProperties.class)
public class A2aConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public A2aConfiguration() {}

    @Bean
    TaskStore a2aTaskStore(AgentProperties agent, A2aProperties properties, JsonMapper json) {
        // Beside the agent's data, not in it: vfs serves <home>/data as its file tree.
        return new TaskStore(
                agent.home().resolve(".a2a").resolve("tasks"),
                json,
                properties.maxTasks(),
                properties.taskTimeToLive(),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService a2aWorkers(A2aProperties properties) {
        AtomicInteger count = new AtomicInteger();
        // Each task carries the context (the trace) of the request that submitted it, so a handler's calls join it.
        return ContextExecutorService.wrap(
                executor(properties, count),
                () -> ContextSnapshotFactory.builder().build().captureAll());
    }

    private static ExecutorService executor(A2aProperties properties, AtomicInteger count) {
        return new ThreadPoolExecutor(
                properties.workers(),
                properties.workers(),
                60,
                TimeUnit.SECONDS,
                properties.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(properties.queue()),
                work -> {
                    Thread thread = new Thread(work, "a2a-task-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Bean
    TaskService a2aTaskService(
            Skills skills,
            Validator validator,
            TaskStore store,
            ExecutorService a2aWorkers,
            JsonMapper json,
            A2aProperties properties) {
        return new TaskService(
                new SkillRouter(skills, new SkillInputs(json, validator)),
                store,
                a2aWorkers,
                json,
                properties.cancelWait());
    }

    @Bean
    JsonRpcController a2aJsonRpcController(TaskService tasks, JsonMapper json) {
        return new JsonRpcController(new JsonRpcMethods(tasks, json), json);
    }

    @Bean
    RestBindingController a2aRestBindingController(TaskService tasks, JsonMapper json) {
        return new RestBindingController(tasks, json);
    }
}
