package dev.runtimeservice.cli.client;

import java.net.URI;

/** The manager could not be reached at all: nothing listens there, the name does not resolve, or it timed out. */
public final class ManagerUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ManagerUnreachableException(URI base, String reason, Throwable cause) {
        super(
                "cannot reach the manager at " + base + " (" + reason + "); start it with bin/runtime-manager, "
                        + "or point at it with --url or RUNTIME_URL",
                cause);
    }
}
