package dev.runtimeservice.manager.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.agent.fake.AgentTestbed;
import dev.runtimeservice.manager.agent.fake.FakeAgentProcess;
import dev.runtimeservice.manager.agent.standby.Standby;
import dev.runtimeservice.manager.agent.standby.StandbyPool;
import dev.runtimeservice.manager.config.StandbyProperties;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.faststart.FastStartProperties;
import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.process.AgentUsage;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Warm standbys taken or refused, and agents of an earlier manager taken over or refused, driven through a fake
 * {@link dev.runtimeservice.manager.process.AgentHost}. Their real-process versions are {@code StandbyIT} and
 * {@code ManagerCrashIT}.
 */
class StandbyAndTakeOverTest {

    private static final String COMMAND_AGENT = "command: [agent]\nhealth: /health\n";

    @TempDir
    Path root;

    private AgentTestbed testbed;

    @AfterEach
    void close() {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void aLaunchStartsTheAgentsWarmStandbyInsteadOfANewProcess() throws IOException {
        testbed = new AgentTestbed(root)
                .agent("warm", "jar: app.jar\nport: 21500\n")
                .standby(new ArchivedCache(root), "warm")
                .start();
        FakeAgentProcess standby = awaitStandby();
        Files.createFile(warmFile(standby));

        testbed.manager().launch(List.of("warm"), Map.of("key", "value"));

        assertThat(standby.input()).isEqualTo("start\n");
        assertThat(testbed.host().launched("warm")).isEmpty();
        assertThat(testbed.current("warm").pid()).contains(standby.pid());
        assertThat(testbed.current("warm").state()).isEqualTo(AgentState.RUNNING);
        assertThat(standby.plan().env())
                .containsEntry("AGENT_ID", testbed.current("warm").id());
    }

    @Test
    void aStopMakesTheAgentsNextStandbyAtOnce() throws IOException {
        testbed = new AgentTestbed(root)
                .agent("warm", "jar: app.jar\nport: 21510\n")
                .standby(new ArchivedCache(root), "warm")
                .start();
        // A jar to start the usual way.
        Files.write(root.resolve("agents/warm/app.jar"), new byte[] {1});
        FakeAgentProcess taken = awaitStandby();
        Files.createFile(warmFile(taken));
        testbed.manager().launch(List.of("warm"), Map.of());

        testbed.manager().stop(List.of("warm"));

        // At once, not at the pool's next look after its quiet checks (up to 5 s later).
        await().atMost(Duration.ofMillis(400))
                .until(() -> testbed.host().standbys().size() == 2);
        assertThat(testbed.host().standbys()).hasSize(2);
        FakeAgentProcess next = testbed.host().standbys().get(1);
        assertThat(next.plan().name()).isEqualTo("warm");
        assertThat(next.pid()).isNotEqualTo(taken.pid());

        // A launch right after the stop: the standby just made is behind a new process, so it is ended.
        testbed.manager().launch(List.of("warm"), Map.of());

        assertThat(next.inputClosed()).isTrue();
        assertThat(testbed.host().launched("warm")).hasSize(1);
        assertThat(testbed.current("warm").pid())
                .contains(testbed.host().launched("warm").get(0).pid());
    }

    @Test
    void aLaunchWaitsForItsStandbyStillWarmingUpAndStartsThatProcess() throws Exception {
        testbed = new AgentTestbed(root)
                .agent("warm", "jar: app.jar\nport: 21501\n")
                .standby(new ArchivedCache(root), "warm")
                .start();
        FakeAgentProcess standby = awaitStandby();
        pastJustMade();

        CompletableFuture<?> launch =
                CompletableFuture.runAsync(() -> testbed.manager().launch(List.of("warm"), Map.of()));
        await().until(() -> testbed.registry().find("warm").isPresent());
        assertThat(launch).isNotDone();
        Files.createFile(warmFile(standby));
        launch.get(5, TimeUnit.SECONDS);

        assertThat(standby.input()).isEqualTo("start\n");
        assertThat(testbed.host().launched("warm")).isEmpty();
        assertThat(testbed.current("warm").pid()).contains(standby.pid());
    }

    @Test
    void aStandbyThatEndsWhileItsLaunchWaitsLeavesTheAgentToStartTheUsualWay() throws Exception {
        testbed = new AgentTestbed(root)
                .agent("warm", "jar: app.jar\nport: 21502\n")
                .standby(new ArchivedCache(root), "warm")
                .start();
        Files.write(root.resolve("agents/warm/app.jar"), new byte[] {1});
        FakeAgentProcess standby = awaitStandby();
        pastJustMade();

        CompletableFuture<?> launch =
                CompletableFuture.runAsync(() -> testbed.manager().launch(List.of("warm"), Map.of()));
        await().until(() -> testbed.registry().find("warm").isPresent());
        standby.exit(1);
        launch.get(5, TimeUnit.SECONDS);

        assertThat(testbed.host().launched("warm")).hasSize(1);
        assertThat(testbed.current("warm").pid())
                .contains(testbed.host().launched("warm").get(0).pid());
        assertThat(testbed.current("warm").state()).isEqualTo(AgentState.RUNNING);
    }

    @Test
    void byDefaultEveryJarAgentWithAFixedPortGetsAStandbyTwoWarmingUpAtOnceAndALaunchEndsTheOthersStillWarming()
            throws IOException {
        testbed = new AgentTestbed(root)
                .agent("first", "jar: app.jar\nport: 21503\n")
                .agent("second", "jar: app.jar\nport: 21504\n")
                .agent("third", "jar: app.jar\nport: 21505\n")
                .agent("free", "jar: app.jar\n")
                .agent("script", COMMAND_AGENT)
                .standby(new ArchivedCache(root), StandbyProperties.AUTO)
                .start();
        await().until(() -> testbed.host().standbys().size() == 2);
        assertThat(testbed.host().standbys())
                .extracting(standby -> standby.plan().name())
                .containsExactly("first", "second");
        FakeAgentProcess first = testbed.host().standbys().get(0);
        FakeAgentProcess second = testbed.host().standbys().get(1);
        Files.createFile(warmFile(first));

        testbed.manager().launch(List.of("first"), Map.of());

        assertThat(testbed.current("first").pid()).contains(first.pid());
        assertThat(second.inputClosed()).isTrue();
        await().until(() -> testbed.host().standbys().stream()
                .anyMatch(standby -> standby.plan().name().equals("third")));
        assertThat(testbed.host().standbys())
                .extracting(standby -> standby.plan().name())
                .doesNotContain("free", "script");
    }

    @Test
    void standbysAreMadeOnlyWithinTheirMemoryBudget() throws IOException {
        testbed = new AgentTestbed(root)
                .agent("first", "jar: app.jar\nport: 21506\n")
                .agent("second", "jar: app.jar\nport: 21507\n")
                .standby(new ArchivedCache(root), StandbyProperties.AUTO)
                .standbyMemory(DataSize.ofMegabytes(250))
                .start();
        FakeAgentProcess first = awaitStandby();
        Files.createFile(warmFile(first));
        // Measured at 200 MB once warm: past the budget with the second one's first estimate (160 MB), so that one
        // is never made; measured at 60 MB, the second fits.
        testbed.host().reportUsage(first, new AgentUsage(0.0, 200L << 20, null));
        await().during(Duration.ofSeconds(1))
                .until(() -> testbed.host().standbys().size() == 1);

        testbed.host().reportUsage(first, new AgentUsage(0.0, 60L << 20, null));

        await().until(() -> testbed.host().standbys().size() == 2);
    }

    @Test
    void anAgentAnEarlierManagerLeftRunningIsTakenOverAndWatched() {
        testbed = new AgentTestbed(root).agent("kept", COMMAND_AGENT);
        FakeAgentProcess process = testbed.host()
                .leaveRunning(new LiveAgent(
                        4242, Instant.parse("2025-12-31T00:00:00Z"), "kept", "launch-1", "token-1", 21600));

        testbed.start();

        ManagedAgent kept = testbed.current("kept");
        assertThat(kept.state()).isEqualTo(AgentState.RUNNING);
        assertThat(kept.pid()).contains(4242L);
        assertThat(kept.port()).isEqualTo(21600);
        assertThat(kept.id()).isEqualTo("launch-1");
        process.exit(1);
        assertThat(testbed.current("kept").state()).isEqualTo(AgentState.BACKOFF);
    }

    @Test
    void anAgentThatCannotBeTakenOverIsStoppedNotAdopted() {
        testbed = new AgentTestbed(root).agent("kept", COMMAND_AGENT);
        FakeAgentProcess unknown = testbed.host()
                .leaveRunning(new LiveAgent(4243, Instant.EPOCH, "removed", "launch-2", "token-2", 21601));
        FakeAgentProcess first =
                testbed.host().leaveRunning(new LiveAgent(4244, Instant.EPOCH, "kept", "launch-3", "token-3", 21602));
        FakeAgentProcess twin =
                testbed.host().leaveRunning(new LiveAgent(4245, Instant.EPOCH, "kept", "launch-4", "token-4", 21603));

        testbed.start();

        assertThat(testbed.host().stopped()).containsExactly(unknown, twin);
        assertThat(unknown.isAlive()).isFalse();
        assertThat(twin.outputDeleted()).isTrue();
        assertThat(testbed.registry().find("removed")).isEmpty();
        assertThat(testbed.current("kept").pid()).contains(first.pid());
    }

    /** Waits until the standby made last is no longer just made, so that a launch waits for it. */
    private static void pastJustMade() throws InterruptedException {
        Thread.sleep(StandbyPool.JUST_MADE.toMillis());
    }

    private FakeAgentProcess awaitStandby() {
        await().until(() -> !testbed.host().standbys().isEmpty());
        return testbed.host().standbys().get(0);
    }

    private static Path warmFile(FakeAgentProcess standby) {
        List<String> argv = standby.plan().argv();
        return Path.of(argv.get(argv.indexOf(Standby.MAIN_CLASS) + 1));
    }

    /**
     * A fast-start cache that holds a class archive for every jar. The real one extracts the jar and records the
     * archive by running {@code java}, which a test without processes cannot do.
     */
    private static final class ArchivedCache extends FastStartCache {

        private final Path extracted;
        private final Path archive;

        ArchivedCache(Path root) throws IOException {
            super(new FastStartProperties(true, root.resolve("fast-start")));
            Path folder = Files.createDirectories(root.resolve("fast-start/ext"));
            this.extracted = folder.resolve("app.jar");
            this.archive = Files.writeString(folder.resolve("app.jsa"), "archive");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
            try (OutputStream out = Files.newOutputStream(extracted);
                    JarOutputStream jar = new JarOutputStream(out, manifest)) {
                // The agent SDK's standby entry point: a jar without it is not kept in standby.
                jar.putNextEntry(new JarEntry(Standby.MAIN_CLASS.replace('.', '/') + ".class"));
                jar.closeEntry();
            }
        }

        @Override
        public Optional<FastStart> prepare(
                String agent, Path jar, List<String> jvmArgs, @Nullable AgentUser user, String launchId) {
            return Optional.of(new FastStart(jvmArgs, extracted, archive, null));
        }

        @Override
        public Optional<Path> archive(Path jar, List<String> jvmArgs, @Nullable AgentUser user) {
            return Optional.of(archive);
        }

        @Override
        public void checkUsed(String agent, FastStart start, long pid) {
            // Nothing maps the archive: no JVM runs.
        }
    }
}
