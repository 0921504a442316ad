package dev.runtimeservice.manager.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.agent.fake.AgentTestbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A launch's resources are copied and digested once per request, before the agent's lock is taken (issue 17, point
 * 6): a launch or stop of the same agent never waits while another copies them. On the fake host: no process runs.
 */
class LaunchResourcesUnderLockTest {

    private static final String AGENT = "command: [agent]\nhealth: /health\nshutdown: /shutdown\n";

    @TempDir
    Path root;

    private AgentTestbed testbed;

    @AfterEach
    void close() {
        testbed.close();
    }

    @Test
    void aLaunchCopiesItsResourcesBeforeTheAgentsLockAndNeverReadsThemUnderIt() throws Exception {
        testbed = new AgentTestbed(root).agent("echo", AGENT).start();
        ReadCountingMap resources = new ReadCountingMap(1000);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder =
                CompletableFuture.runAsync(() -> testbed.registry().withLock("echo", () -> {
                    held.countDown();
                    awaitQuietly(release);
                    return null;
                }));
        held.await();
        CompletableFuture<List<AgentOutcome>> launch = new CompletableFuture<>();
        Thread caller = new Thread(() -> launch.complete(testbed.manager().launch(List.of("echo"), resources)));
        caller.start();

        int readsBeforeTheLock;
        try {
            // The request's thread has read the resources and waits for the agent's lock, which another call holds.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> resources.reads() > 0 && caller.getState() == Thread.State.WAITING);
            assertThat(holder).isNotDone();
            readsBeforeTheLock = resources.reads();
        } finally {
            release.countDown();
        }

        assertThat(launch.get()).extracting(AgentOutcome::action).containsExactly(LaunchAction.STARTED);
        testbed.host().launched("echo").get(0).exit(1);
        testbed.passTime(Duration.ofSeconds(1));
        assertThat(testbed.host().launched("echo"))
                .as("restarted after its crash")
                .hasSize(2);
        assertThat(resources.reads())
                .as("reads under the lock, by the launch or the restart")
                .isEqualTo(readsBeforeTheLock);
        assertThat(resourcesFile().get("resources")).isEqualTo(new LinkedHashMap<>(resources));
        assertThat(testbed.current("echo").resourceNames()).hasSize(1000).startsWith("k0000", "k0001");
    }

    @Test
    void resourcesWithNullValuesAreLaunchedAsGiven() {
        testbed = new AgentTestbed(root).agent("echo", AGENT).start();
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("token", null);
        resources.put("list", Arrays.asList("value", null));

        assertThat(testbed.manager().launch(List.of("echo"), resources))
                .extracting(AgentOutcome::action)
                .containsExactly(LaunchAction.STARTED);
        assertThat(resourcesFile().get("resources")).isEqualTo(resources);
    }

    private Map<?, ?> resourcesFile() {
        try {
            return JsonMapper.builder()
                    .build()
                    .readValue(Files.readString(root.resolve("agents/echo/resources.json")), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request's resources that count every read of their content. */
    private static final class ReadCountingMap extends LinkedHashMap<String, Object> {

        private final AtomicInteger reads = new AtomicInteger();

        ReadCountingMap(int keys) {
            for (int i = 0; i < keys; i++) {
                super.put("k%04d".formatted(i), "value-" + i);
            }
        }

        int reads() {
            return reads.get();
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            reads.incrementAndGet();
            return super.entrySet();
        }

        @Override
        public Set<String> keySet() {
            reads.incrementAndGet();
            return super.keySet();
        }

        @Override
        public Collection<Object> values() {
            reads.incrementAndGet();
            return super.values();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            reads.incrementAndGet();
            super.forEach(action);
        }

        @Override
        public Object get(Object key) {
            reads.incrementAndGet();
            return super.get(key);
        }

        @Override
        public int size() {
            reads.incrementAndGet();
            return super.size();
        }
    }
}
