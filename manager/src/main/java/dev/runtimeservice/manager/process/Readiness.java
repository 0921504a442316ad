package dev.runtimeservice.manager.process;

import org.jspecify.annotations.Nullable;

/**
 * How a wait for readiness ended.
 *
 * @param outcome ready, exited, timed out, or answered by another process
 * @param exitCode the process's exit code when it exited and the code is known, else null
 */
public record Readiness(Outcome outcome, @Nullable Integer exitCode) {

    /**
     * The ways a readiness wait ends; {@code PORT_TAKEN}: the readiness path answered, but from a process outside the
     * agent's tree that listens on its port.
     */
    public enum Outcome {
        READY,
        EXITED,
        TIMED_OUT,
        PORT_TAKEN
    }

    static Readiness ready() {
        return new Readiness(Outcome.READY, null);
    }

    static Readiness exited(@Nullable Integer code) {
        return new Readiness(Outcome.EXITED, code);
    }

    static Readiness portTaken() {
        return new Readiness(Outcome.PORT_TAKEN, null);
    }

    static Readiness timedOut() {
        return new Readiness(Outcome.TIMED_OUT, null);
    }
}
