package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.EndCause;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One launch's pod as the manager sees it. Its "pid" is a number made from the pod's UID, the same for every manager
 * that reads the pod, so that a manager started again finds the launches its state file names. It ends when its pod
 * ends for good or is deleted; a container Kubernetes restarts in place does not end it, it counts as a restart.
 */
final class PodProcess implements AgentProcess {

    private final AgentObjects names;
    private final long pid;
    private final @Nullable Instant created;
    private final boolean adopted;
    private final CompletableFuture<@Nullable Integer> exit = new CompletableFuture<>();
    private final CountDownLatch outputDone = new CountDownLatch(1);
    private final CompletableFuture<@Nullable Void> deleted = new CompletableFuture<>();
    private final Object changes = new Object();
    private long changeCount;
    private volatile Pod latest;
    private volatile @Nullable EndCause endCause;
    private volatile boolean deleting;

    PodProcess(AgentObjects names, Pod pod, boolean adopted) {
        this.names = names;
        this.pid = pidOf(pod);
        this.created = Optional.ofNullable(pod.getMetadata().getCreationTimestamp())
                .map(Instant::parse)
                .orElse(null);
        this.adopted = adopted;
        this.latest = pod;
    }

    static long pidOf(Pod pod) {
        String uid = pod.getMetadata().getUid();
        if (uid == null) {
            return 0;
        }
        try {
            return UUID.fromString(uid).getLeastSignificantBits() & 0x7fff_ffffL;
        } catch (IllegalArgumentException e) {
            return uid.hashCode() & 0x7fff_ffffL;
        }
    }

    AgentObjects names() {
        return names;
    }

    /** Takes in the pod as the API server shows it now; a pod that ended for good ends the process. */
    void observe(Pod pod) {
        latest = pod;
        if (PodStatuses.ended(pod)) {
            end(PodStatuses.exitCode(pod).orElse(null), PodStatuses.end(pod));
        }
        changed();
    }

    /** The manager is deleting its pod: the deletion that follows is a stop, not a crash with a cause. */
    void deleting() {
        deleting = true;
    }

    /** Its pod is gone: deleted by the manager, or by someone else (a drain of its node, a kubectl delete). */
    void gone() {
        end(
                null,
                deleting
                        ? null
                        : new EndCause(
                                EndCause.Kind.REMOVED_BY_HOST,
                                "its pod " + names.pod() + " was deleted, not by this manager"));
        deleted.complete(null);
        changed();
    }

    /** Ends the process, with why when its pod tells (null for a stop or kill by the manager); the first end counts. */
    void end(@Nullable Integer code, @Nullable EndCause cause) {
        if (!exit.isDone()) {
            endCause = cause;
            exit.complete(code);
        }
        changed();
    }

    /** Waits until the API server reports the pod deleted; false if it still exists after {@code timeout}. */
    boolean awaitDeleted(Duration timeout) {
        try {
            deleted.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many times the pod changed so far: read it before looking at the pod, then {@link #awaitChange}. */
    long changes() {
        synchronized (changes) {
            return changeCount;
        }
    }

    /**
     * Waits until the pod changed since {@code seen} ({@link #changes()}) or the process ended, at most until
     * {@code deadline} ({@link System#nanoTime()}). The pods' watch wakes it up; nothing polls the API server.
     */
    void awaitChange(long seen, long deadline) throws InterruptedException {
        synchronized (changes) {
            long remaining = deadline - System.nanoTime();
            while (changeCount == seen && remaining > 0) {
                TimeUnit.NANOSECONDS.timedWait(changes, remaining);
                remaining = deadline - System.nanoTime();
            }
        }
    }

    private void changed() {
        synchronized (changes) {
            changeCount++;
            changes.notifyAll();
        }
    }

    /** Called by its log follower once it stopped copying the pod's log. */
    void outputEnded() {
        outputDone.countDown();
    }

    Pod latest() {
        return latest;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public CompletableFuture<@Nullable Integer> onExit() {
        return exit;
    }

    @Override
    public boolean adopted() {
        return adopted;
    }

    @Override
    public Optional<Instant> startInstant() {
        return Optional.ofNullable(created);
    }

    @Override
    public Optional<List<String>> arguments() {
        return Optional.empty();
    }

    /** Waits for the log follower to copy the rest of an ended pod's log; a running pod's log is copied as it comes. */
    @Override
    public void awaitOutput(Duration timeout) {
        if (isAlive()) {
            return;
        }
        try {
            outputDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<EndCause> endCause() {
        return Optional.ofNullable(endCause);
    }

    @Override
    public Optional<String> node() {
        return Optional.ofNullable(latest.getSpec()).map(spec -> spec.getNodeName());
    }

    @Override
    public int hostRestarts() {
        return PodStatuses.restarts(latest);
    }

    /** Its log lives in the agent's log file, which the manager keeps; the pod's own goes with the pod. */
    @Override
    public void deleteOutput() {}
}
