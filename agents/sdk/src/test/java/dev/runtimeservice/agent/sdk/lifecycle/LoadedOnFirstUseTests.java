package dev.runtimeservice.agent.sdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadedOnFirstUseTests {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Test
    void nothingIsLoadedBeforeTheFirstUseAndTheHeapIsCompactedRightAfterIt() {
        var model = new LoadedOnFirstUse<>(
                "a model",
                () -> {
                    events.add("loaded");
                    return "model";
                },
                () -> events.add("collected"));

        assertThat(model.loaded()).isFalse();
        assertThat(events).isEmpty();

        assertThat(model.get()).isEqualTo("model");
        assertThat(model.get()).isEqualTo("model");
        assertThat(model.loaded()).isTrue();
        assertThat(events).containsExactly("loaded", "collected");
    }

    @Test
    void callersThatArriveDuringTheLoadWaitForThatOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var model = new LoadedOnFirstUse<>(
                "a model",
                () -> {
                    loads.incrementAndGet();
                    loading.countDown();
                    await(release);
                    return new Object();
                },
                () -> {});
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            answers.add(callers.submit(model::get));
            assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                answers.add(callers.submit(model::get));
            }
            release.countDown();
            Object first = answers.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(loads).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aLoadThatFailsIsTriedAgainByTheNextCaller() {
        AtomicInteger attempts = new AtomicInteger();
        var model = new LoadedOnFirstUse<>(
                "a model",
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("model file unreadable");
                    }
                    return "model";
                },
                () -> events.add("collected"));

        assertThatThrownBy(model::get).hasMessage("model file unreadable");
        assertThat(model.loaded()).isFalse();
        assertThat(events).isEmpty();

        assertThat(model.get()).isEqualTo("model");
        assertThat(events).containsExactly("collected");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
