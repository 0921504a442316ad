package dev.runtimeservice.testkit;

/** Why the test kit could not start, use or stop a manager; the message says what to do. */
public class TestkitException extends RuntimeException {

    public TestkitException(String message) {
        super(message);
    }

    public TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
