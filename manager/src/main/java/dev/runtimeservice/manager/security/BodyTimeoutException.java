package dev.runtimeservice.manager.security;

import java.io.IOException;
import java.time.Duration;

/** A request body that did not arrive within {@code runtime.security.body-timeout}. */
public class BodyTimeoutException extends IOException {

    public BodyTimeoutException(Duration timeout) {
        super("The request body did not arrive within " + timeout.toMillis() + " ms (runtime.security.body-timeout); "
                + "send it at once, with its Content-Length.");
    }
}
