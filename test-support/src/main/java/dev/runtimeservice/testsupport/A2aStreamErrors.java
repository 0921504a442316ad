package dev.runtimeservice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The error handler given to the official A2A Java client's streaming calls, which tells the agent's errors from the
 * client's own ends of a stream: the client reports the end of a stream as a null error, and it closes a stream itself
 * once it reads a final status (it cancels the request), which it may report as an {@link IOException} after the
 * final event (CI saw "chunked transfer encoding, state: READING_LENGTH"). Anything else is the agent's error.
 */
public final class A2aStreamErrors implements Consumer<@Nullable Throwable> {

    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public void accept(@Nullable Throwable error) {
        if (error != null) {
            errors.add(error);
        }
    }

    /** Whether the agent reported an error so far. */
    public boolean agentFailed() {
        return errors.stream().anyMatch(A2aStreamErrors::fromAgent);
    }

    /** Fails with the agent's errors, if it reported any. */
    public void assertNoneFromAgent() {
        assertThat(errors).filteredOn(A2aStreamErrors::fromAgent).isEmpty();
    }

    private static boolean fromAgent(Throwable error) {
        return !(error instanceof IOException);
    }
}
