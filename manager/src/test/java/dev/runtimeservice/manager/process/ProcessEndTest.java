package dev.runtimeservice.manager.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real processes: a running one, and a zombie whose parent never reaps it (as a lazy init does for a while). */
class ProcessEndTest {

    private Process parent;

    @AfterEach
    void stop() {
        if (parent != null) {
            parent.destroyForcibly();
        }
    }

    @Test
    void aZombieHasEndedThoughTheJdkStillCountsItAlive() throws Exception {
        // sh starts a short sleep, then becomes a long sleep, which never reaps the short one once it ends.
        parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
        ProcessHandle shortSleep = await().atMost(Duration.ofSeconds(5))
                .until(() -> parent.toHandle().children().findFirst().orElse(null), child -> child != null);
        assertThat(ProcessEnd.reached(parent.toHandle())).isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessEnd.reached(shortSleep));
        assertThat(shortSleep.isAlive()).as("the JDK's view of a zombie").isTrue();
    }

    @Test
    void aProcessThatIsGoneHasEnded() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();

        assertThat(ProcessEnd.reached(done.toHandle())).isTrue();
    }
}
