package dev.runtimeservice.manager.agent.fake;

import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.LaunchPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An agent that runs nowhere: the test says when it is ready, when it exits and with which code, and whether it
 * answers its liveness probe (after Elasticsearch's {@code MockElasticsearchProcess}).
 */
public final class FakeAgentProcess implements AgentProcess {

    private final long pid;
    private final LaunchPlan plan;
    private final boolean adopted;
    private final Instant started;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
    private final Input input = new Input();
    private volatile boolean live = true;
    private volatile boolean outputDeleted;

    FakeAgentProcess(long pid, LaunchPlan plan, boolean adopted, Instant started) {
        this.pid = pid;
        this.plan = plan;
        this.adopted = adopted;
        this.started = started;
    }

    public LaunchPlan plan() {
        return plan;
    }

    /** The agent answers its readiness path from now on. */
    public FakeAgentProcess becomeReady() {
        ready.complete(true);
        return this;
    }

    /** The process ends with {@code code}, as if it crashed or was told to stop. */
    public void exit(int code) {
        exit.complete(code);
    }

    /** Whether it answers its liveness path. */
    public void answerLiveness(boolean answers) {
        live = answers;
    }

    boolean answersLiveness() {
        return live;
    }

    CompletableFuture<Boolean> ready() {
        return ready;
    }

    /** What the manager wrote to its standard input (a standby's start line). */
    public String input() {
        return input.written.toString(StandardCharsets.US_ASCII);
    }

    /** Whether its standard input was closed: a standby ends then, unless it got the start line. */
    public boolean inputClosed() {
        return input.closed;
    }

    OutputStream inputStream() {
        return input;
    }

    public boolean outputDeleted() {
        return outputDeleted;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    @Override
    public boolean adopted() {
        return adopted;
    }

    @Override
    public Optional<Instant> startInstant() {
        return Optional.of(started);
    }

    @Override
    public Optional<List<String>> arguments() {
        return Optional.of(plan.argv());
    }

    @Override
    public void awaitOutput(Duration timeout) {
        // Its output is written nowhere, so there is nothing to wait for.
    }

    @Override
    public void deleteOutput() throws IOException {
        outputDeleted = true;
    }

    /** A standby's standard input: closing it without the start line ends the standby, as the SDK's does. */
    private final class Input extends OutputStream {

        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private volatile boolean closed;

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void close() {
            closed = true;
            if (!written.toString(StandardCharsets.US_ASCII).startsWith("start")) {
                exit(0);
            }
        }
    }
}
