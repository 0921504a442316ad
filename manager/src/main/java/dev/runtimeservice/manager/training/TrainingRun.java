package dev.runtimeservice.manager.training;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.ManagerAddress;
import dev.runtimeservice.manager.error.InvalidDescriptorException;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.process.AgentHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The manager's training mode ({@code --spring.profiles.active=train}, which the build runs after packaging):
 * every jar agent of the catalog that has no class archive for this JDK and its JVM options yet is launched the
 * way the manager launches it, and stopped once ready, so that its JVM writes the archive as it exits. The
 * manager then exits. Later launches map the archive from their first start instead of recording it then.
 *
 * <p>An agent that cannot be trained (its fixed port is held, say by a manager that runs) is reported and left
 * to record its archive at its first launch, which is what happens without training: the build does not fail.
 * Before it exits, the run asks itself for its liveness and its agents, so that the manager's own class archive
 * holds the classes that serve requests too.
 *
 * <p>The profile is checked when the manager runs, not with {@code @Profile}: bin/runtime-manager starts the
 * manager with Spring AOT, which freezes profile conditions as the build saw them (no profile).
 */
@Component
public class TrainingRun implements ApplicationRunner {

    /** The profile that turns a manager into a training run. */
    public static final String TRAIN_PROFILE = "train";

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final AgentCatalog catalog;
    private final AgentManager manager;
    private final FastStartCache fastStart;
    private final ConfigurableApplicationContext context;
    private final ManagerAddress address;

    public TrainingRun(
            AgentCatalog catalog,
            AgentManager manager,
            FastStartCache fastStart,
            ConfigurableApplicationContext context,
            ManagerAddress address) {
        this.catalog = catalog;
        this.manager = manager;
        this.fastStart = fastStart;
        this.context = context;
        this.address = address;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!context.getEnvironment().matchesProfiles(TRAIN_PROFILE)) {
            return;
        }
        trainAll();
        askItself();
        // Trained or not, the agents still start; a failure here is reported, never a reason to fail the build.
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Trains every jar agent of the catalog; returns (and logs) one line per agent saying what was done. */
    public List<String> trainAll() throws InterruptedException, ExecutionException {
        if (!fastStart.enabled()) {
            log.info("Training run: nothing to record, fast start is off (runtime.fast-start.enabled=false)");
            return List.of();
        }
        List<AgentDescriptor> jars = jarAgents();
        log.info(
                "Training run: recording the class archives of {}",
                jars.stream().map(AgentDescriptor::name).toList());
        // Together: the manager's start slots already keep the number starting at once to the number of cores.
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, jars.size()));
        try {
            List<Future<String>> running =
                    jars.stream().map(jar -> workers.submit(() -> train(jar))).toList();
            List<String> report = new ArrayList<>();
            for (Future<String> result : running) {
                report.add(result.get());
                log.info("Training run: {}", report.get(report.size() - 1));
            }
            return report;
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Asks the manager for its liveness and its agents, as an operator's and a user's first requests do (liveness,
     * because runners come before readiness: plain health would answer 503, through the same code). The manager's
     * own JVM records its class archive as this run exits (bin/runtime-manager), and holds only the classes loaded
     * by then: without these requests, every later start loaded and verified the request path (Tomcat's connector,
     * Spring MVC, the actuator, JSON) from the jars at its first request, after it reported ready: 233 classes, 12
     * with them. What they answer does not matter; one that fails is logged and the run goes on.
     */
    private void askItself() throws InterruptedException {
        for (String path : List.of("/actuator/health/liveness", "/api/list_agents")) {
            try {
                HttpResponse<Void> answer = AgentHttp.client()
                        .send(
                                HttpRequest.newBuilder(URI.create(address.url() + path))
                                        .timeout(REQUEST_TIMEOUT)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                log.info("Training run: GET {} answered {}", path, answer.statusCode());
            } catch (IOException e) {
                log.info(
                        "Training run: GET {} failed ({}); the archive lacks what it would have loaded",
                        path,
                        e.toString());
            }
        }
    }

    private List<AgentDescriptor> jarAgents() {
        List<AgentDescriptor> jars = new ArrayList<>();
        for (String name : catalog.names()) {
            try {
                AgentDescriptor descriptor = catalog.find(name);
                if (descriptor.jar() != null) {
                    jars.add(descriptor);
                }
            } catch (InvalidDescriptorException e) {
                // The catalog said why when the manager started; such an agent cannot be launched at all.
            }
        }
        return jars;
    }

    private String train(AgentDescriptor descriptor) {
        String name = descriptor.name();
        Path jar = Objects.requireNonNull(descriptor.jar());
        if (!Files.isRegularFile(jar)) {
            return name + ": not trained: its jar " + jar + " does not exist";
        }
        if (fastStart.archive(jar, descriptor.jvmArgs(), descriptor.user()).isPresent()) {
            return name + ": already has an archive for this jar, JDK and JVM options";
        }
        try {
            manager.launch(List.of(name), Map.of());
            manager.stop(List.of(name));
        } catch (RuntimeServiceException e) {
            return name + ": not trained: " + e.getMessage() + " (without an archive, its first launch that stops "
                    + "cleanly records one)";
        }
        Optional<Path> archive = fastStart.archive(jar, descriptor.jvmArgs(), descriptor.user());
        return archive.map(file -> name + ": recorded " + file + " (" + megabytes(file) + " MB)")
                .orElse(name + ": started and stopped, but no archive was written; see logs/agents/" + name + ".log");
    }

    private static long megabytes(Path file) {
        try {
            return Files.size(file) / 1_000_000;
        } catch (IOException e) {
            return 0;
        }
    }
}
