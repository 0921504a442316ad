package dev.runtimeservice.manager.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The background runs on a real thread, every 5 ms: each test waits for a few runs, never for a fixed time. */
class PeriodicTaskTest {

    private static final Duration PERIOD = Duration.ofMillis(5);

    @Test
    void runsAgainAndAgainOnItsNamedThreadUntilStopped() {
        List<String> threads = new CopyOnWriteArrayList<>();
        PeriodicTask task = new PeriodicTask(
                "test-periodic",
                PERIOD,
                () -> threads.add(Thread.currentThread().getName()));
        assertThat(task.isRunning()).isFalse();

        task.start();
        task.start(); // a second start changes nothing

        await().atMost(Duration.ofSeconds(5)).until(() -> threads.size() >= 3);
        assertThat(task.isRunning()).isTrue();
        assertThat(threads).containsOnly("test-periodic");
        task.stop();
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void aRunThatThrowsDoesNotStopTheNextOnes() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("test-periodic", PERIOD, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("this run fails");
        });
        task.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        } finally {
            task.stop();
        }
    }

    @Test
    void runSoonRunsOnceOnTheTasksThreadWhileStartedAndIsIgnoredWhenStopped() throws Exception {
        PeriodicTask task = new PeriodicTask("test-periodic", Duration.ofHours(1), () -> {});
        List<String> runs = new CopyOnWriteArrayList<>();
        task.runSoon(() -> runs.add("before start"));
        task.start();
        CountDownLatch ran = new CountDownLatch(1);
        task.runSoon(() -> {
            runs.add(Thread.currentThread().getName());
            ran.countDown();
        });
        // One thread runs them in order: one asked for before the start would have run first.
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).containsExactly("test-periodic");

        task.stop();
        task.runSoon(() -> runs.add("after stop")); // neither runs nor throws
        assertThat(task.isRunning()).isFalse();
    }
}
