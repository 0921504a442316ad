package dev.runtimeservice.cli.client;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The manager could not be reached at all (nothing listens there, the name does not resolve, or it timed out), or
 * it went away in the middle of a long answer (an event stream, a followed log).
 */
public final class ManagerUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ManagerUnreachableException(URI base, String reason, Throwable cause) {
        super(
                "cannot reach the manager at " + base + " (" + reason + "); start it with bin/runtime-manager, "
                        + "or point at it with --url or RUNTIME_URL",
                cause);
    }

    private ManagerUnreachableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * The manager at {@code base} ended a long answer, or its connection broke, before the command was done.
     *
     * @param what the answer, such as "the event stream"
     * @param next what to do, such as how to resume
     */
    static ManagerUnreachableException lost(URI base, String what, String next, @Nullable Throwable cause) {
        String how = cause == null ? "ended " + what + " (is it stopping?)" : "broke off " + what + " (" + cause + ")";
        return new ManagerUnreachableException("the manager at " + base + " " + how + "; " + next, cause);
    }
}
