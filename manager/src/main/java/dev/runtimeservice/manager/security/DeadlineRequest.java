package dev.runtimeservice.manager.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;

/**
 * A request whose body must have arrived by a deadline. Each read waits at most Tomcat's connection timeout for
 * the next bytes; this bounds the whole, so a client that sends a byte now and then cannot hold a thread for long.
 */
final class DeadlineRequest extends HttpServletRequestWrapper {

    private final Duration timeout;
    private final long deadline;
    private ServletInputStream stream;

    DeadlineRequest(HttpServletRequest request, Duration timeout) {
        super(request);
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Bounded(super.getInputStream());
        }
        return stream;
    }

    private final class Bounded extends ServletInputStream {

        private final ServletInputStream body;

        Bounded(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            check();
            return body.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            return body.read(buffer, offset, length);
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
