package dev.runtimeservice.manager.agent.fake;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentTiming;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.config.StandbyProperties;
import dev.runtimeservice.manager.config.SupervisionProperties;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.faststart.FastStartProperties;
import dev.runtimeservice.manager.isolation.IsolationProperties;
import dev.runtimeservice.manager.logs.AgentLogs;
import dev.runtimeservice.manager.port.PortPool;
import dev.runtimeservice.manager.port.PortProbe;
import dev.runtimeservice.manager.resources.ResourcesFiles;
import dev.runtimeservice.manager.resources.ResourcesFingerprint;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.security.SecurityProperties;
import dev.runtimeservice.manager.state.StateFile;
import dev.runtimeservice.manager.state.StateFolderLock;
import dev.runtimeservice.manager.state.StateProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.unit.DataSize;
import oshi.SystemInfo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's agent logic, wired as in the application, on a {@link FakeAgentHost}, a {@link ManualClock} and a
 * {@link ManualScheduler}: every launch, crash, restart and stop runs on the test's thread in milliseconds. Catalog,
 * ports, resources files, logs and the state file are the real ones, in a temporary folder.
 */
public final class AgentTestbed implements AutoCloseable {

    /** Restart settings: backoff 1 s doubling, no jitter, three failures in five minutes spend the budget. */
    public static final SupervisionProperties SUPERVISION = new SupervisionProperties(
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            0,
            3,
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            3);

    private final Path root;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeAgentHost host = new FakeAgentHost(clock);
    private List<String> standbyAgents = List.of();
    private @Nullable DataSize standbyMemory;
    private FastStartCache fastStart;
    private AnnotationConfigApplicationContext context;
    private MeterRegistry meters = new SimpleMeterRegistry();
    private ObservationRegistry observations = ObservationRegistry.NOOP;

    public AgentTestbed(Path root) {
        this.root = root;
        this.fastStart = new FastStartCache(new FastStartProperties(false, root.resolve("fast-start")));
    }

    /** Adds an agent to the catalog with this {@code agent.yml}. */
    public AgentTestbed agent(String name, String yaml) {
        try {
            Path home = Files.createDirectories(root.resolve("agents").resolve(name));
            Files.writeString(home.resolve("agent.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Keeps these agents in warm standby, with class archives from {@code cache}. */
    public AgentTestbed standby(FastStartCache cache, String... names) {
        this.fastStart = cache;
        this.standbyAgents = List.of(names);
        return this;
    }

    /** The memory budget of the standbys ({@code AGENT_STANDBY_MEMORY}). */
    public AgentTestbed standbyMemory(DataSize memory) {
        this.standbyMemory = memory;
        return this;
    }

    /** Records meters in {@code meters} and observations in {@code observations} (by default: kept nowhere). */
    public AgentTestbed telemetry(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
        return this;
    }

    /** Wires and starts the manager's agent beans; take-over of what {@link #host()} left running happens now. */
    public AgentTestbed start() {
        RuntimeProperties runtime = new RuntimeProperties(
                false,
                21000,
                21999,
                root.resolve("agents"),
                root.resolve("logs"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                "127.0.0.1",
                "INFO",
                2);
        StateProperties state = new StateProperties(root.resolve("state"), false);
        JsonMapper json = JsonMapper.builder().build();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(RuntimeProperties.class, () -> runtime);
        context.registerBean(StateProperties.class, () -> state);
        context.registerBean(
                SecurityProperties.class,
                () -> new SecurityProperties("", 1_048_576, List.of(), 1000, 32, Duration.ofSeconds(10), 16));
        context.registerBean(SupervisionProperties.class, () -> SUPERVISION);
        context.registerBean(IsolationProperties.class, () -> new IsolationProperties(""));
        context.registerBean(StandbyProperties.class, () -> new StandbyProperties(standbyAgents, standbyMemory));
        context.registerBean(Clock.class, () -> clock);
        context.registerBean("supervisionScheduler", ScheduledExecutorService.class, () -> scheduler);
        context.registerBean(FakeAgentHost.class, () -> host);
        context.registerBean(FastStartCache.class, () -> fastStart);
        context.registerBean(JsonMapper.class, () -> json);
        context.registerBean(MeterRegistry.class, () -> meters);
        context.registerBean(ObservationRegistry.class, () -> observations);
        context.registerBean(PortPool.class, () -> new PortPool(runtime, new PortProbe(new SystemInfo())));
        context.registerBean(ResourcesFiles.class, () -> new ResourcesFiles(json));
        context.registerBean(ResourcesFingerprint.class);
        context.registerBean(SecretRedactor.class);
        context.registerBean(AgentLogs.class, () -> new AgentLogs(runtime));
        context.registerBean(StateFolderLock.class, () -> new StateFolderLock(state));
        context.registerBean(StateFile.class, () -> new StateFile(context.getBean(StateFolderLock.class), json));
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context);
        scanner.addExcludeFilter(new AssignableTypeFilter(AgentTiming.class));
        scanner.scan("dev.runtimeservice.manager.agent");
        context.refresh();
        return this;
    }

    public FakeAgentHost host() {
        return host;
    }

    public ManualClock clock() {
        return clock;
    }

    public ManualScheduler scheduler() {
        return scheduler;
    }

    public AgentManager manager() {
        return context.getBean(AgentManager.class);
    }

    public AgentRegistry registry() {
        return context.getBean(AgentRegistry.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The agent's current launch. */
    public ManagedAgent current(String name) {
        return registry().find(name).orElseThrow(() -> new AssertionError(name + " has no launch"));
    }

    /** Moves the clock on and runs the restarts that are due by then. */
    public void passTime(Duration duration) {
        clock.advance(duration);
        scheduler.runDue();
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
