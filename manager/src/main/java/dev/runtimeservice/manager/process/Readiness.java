package dev.runtimeservice.manager.process;

import org.jspecify.annotations.Nullable;

/**
 * How a wait for readiness ended.
 *
 * @param outcome ready, exited or timed out
 * @param exitCode the process's exit code when it exited and the code is known, else null
 */
public record Readiness(Outcome outcome, @Nullable Integer exitCode) {

    /** The three ways a readiness wait ends. */
    public enum Outcome { READY, EXITED, TIMED_OUT }

    static Readiness ready() {
        return new Readiness(Outcome.READY, null);
    }

    static Readiness exited(@Nullable Integer code) {
        return new Readiness(Outcome.EXITED, code);
    }

    static Readiness timedOut() {
        return new Readiness(Outcome.TIMED_OUT, null);
    }
}
