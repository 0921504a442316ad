package dev.runtimeservice.manager.process;

import org.jspecify.annotations.Nullable;

/**
 * Why an agent's host ended it, as that host tells it: the kind of end, which decides how the manager reports and
 * counts it, and the host's own words for it, which never hold the exit code (the manager adds that, once).
 *
 * @param kind what ended it
 * @param text what the host saw: {@code out of memory (limit 256Mi)}, {@code ImagePullBackOff: Back-off pulling image
 *     "vfs:9"}, {@code its pod agent-vfs-1a2b3c4d ended (phase Failed, Evicted: The node was low on resource: memory.)}
 */
public record EndCause(Kind kind, String text) {

    /** The ends a host can tell apart. */
    public enum Kind {
        /**
         * The kernel's OOM killer ended it for going over its memory limit: the OOM kill a local agent's cgroup
         * counts, or a pod's container that ended OOMKilled.
         */
        OUT_OF_MEMORY,
        /** It ended by itself, and its host says where: a pod that ended (phase Failed) when its container exited. */
        EXITED,
        /** Its host could not get it running: an image that cannot be pulled, no node for its pod, a crash loop. */
        NOT_STARTED,
        /** Its host took it away: a pod evicted from its node, or deleted by someone other than this manager. */
        REMOVED_BY_HOST
    }

    /** The kernel killed it for its memory limit; {@code text} says which: {@code out of memory (limit 256Mi)}. */
    public static EndCause outOfMemory(String text) {
        return new EndCause(Kind.OUT_OF_MEMORY, text);
    }

    /**
     * How an agent that ran ended, for its state's message, with the exit code once: {@code was killed by the kernel:
     * out of memory (limit 256Mi), exit code 137}, {@code exited on its own with code 1: its pod agent-vfs-1a2b3c4d
     * ended (phase Failed, container Error)}, {@code was ended by its host: its pod agent-vfs-1a2b3c4d was deleted by
     * someone other than this manager}.
     */
    public String ofRunning(@Nullable Integer exitCode) {
        return switch (kind) {
            case OUT_OF_MEMORY -> "was killed by the kernel: " + text + withCode(exitCode);
            case EXITED -> exitedOnItsOwn(exitCode) + ": " + text;
            case NOT_STARTED -> "could not run: " + text + withCode(exitCode);
            case REMOVED_BY_HOST -> "was ended by its host: " + text + withCode(exitCode);
        };
    }

    /** How an agent that ended by itself is said to have ended: {@code exited on its own with code 1}. */
    public static String exitedOnItsOwn(@Nullable Integer exitCode) {
        return "exited on its own" + (exitCode == null ? "" : " with code " + exitCode);
    }

    /**
     * How a start ended before the agent was ready, for the launch's error: {@code it failed before it was ready:
     * CrashLoopBackOff: back-off 10s restarting failed container=agent pod=agent-crashy-1a2b3c4d, exit code 1}.
     */
    public String beforeReady(@Nullable Integer exitCode) {
        return "it failed before it was ready: " + text + withCode(exitCode);
    }

    private static String withCode(@Nullable Integer exitCode) {
        return exitCode == null ? "" : ", exit code " + exitCode;
    }
}
