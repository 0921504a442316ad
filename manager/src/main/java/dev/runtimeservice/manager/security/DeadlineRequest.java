package dev.runtimeservice.manager.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body must have arrived by a deadline. Each read waits at most Tomcat's connection timeout for
 * the next bytes; this bounds the whole, so a client that sends a byte now and then cannot hold a thread for long.
 */
final class DeadlineRequest extends HttpServletRequestWrapper {

    private final Duration timeout;
    private final long deadline;
    private final Runnable arrived;
    private @Nullable ServletInputStream stream;

    /** {@code arrived} runs once the whole body has been read. */
    DeadlineRequest(HttpServletRequest request, Duration timeout, Runnable arrived) {
        super(request);
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.arrived = arrived;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        ServletInputStream current = stream;
        if (current == null) {
            current = new Bounded(super.getInputStream());
            stream = current;
        }
        return current;
    }

    private final class Bounded extends ServletInputStream {

        private final ServletInputStream body;

        Bounded(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            check();
            return seen(body.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            return seen(body.read(buffer, offset, length));
        }

        private int seen(int read) {
            if (read == -1 || body.isFinished()) {
                arrived.run();
            }
            return read;
        }

        private void check() throws IOException {
            if (System.nanoTime() - deadline > 0 && !body.isFinished()) {
                throw new BodyTimeoutException(timeout);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
