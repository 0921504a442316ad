package dev.runtimeservice.manager.agent.standby;

import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.StandbyProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One agent's JVM in warm standby (the SDK's {@code StandbyMain}): started with the environment of the launch it
 * will become, it runs the agent once on a throwaway port, creates its warm file and waits for the start line on
 * its standard input. Closing that input without the line ends it.
 */
public final class Standby {

    /** The SDK's entry point for a standby. */
    public static final String MAIN_CLASS = "dev.runtimeservice.agent.sdk.standby.StandbyMain";

    /** How often a launch waiting for its standby looks for the warm file; readiness is polled as often. */
    private static final Duration WARM_CHECK = Duration.ofMillis(20);

    private static final byte[] START_LINE = "start\n".getBytes(StandardCharsets.US_ASCII);

    /** The launch a standby becomes when it is started: its agent, launch id, token and port. */
    public record Launch(AgentDescriptor descriptor, String id, String token, int port) {}

    private final Launch launch;
    private final FastStart fastStart;
    private final StandbyProcess process;
    private final Path warmFile;
    private final long madeAt = System.nanoTime();
    private volatile boolean started;
    private volatile boolean discarded;
    private boolean announced;

    Standby(Launch launch, FastStart fastStart, StandbyProcess process, Path warmFile) {
        this.launch = launch;
        this.fastStart = fastStart;
        this.process = process;
        this.warmFile = warmFile;
    }

    public Launch launch() {
        return launch;
    }

    public FastStart fastStart() {
        return fastStart;
    }

    public AgentProcess process() {
        return process.process();
    }

    Path warmFile() {
        return warmFile;
    }

    /** How long ago it was made. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - madeAt);
    }

    /** Whether it has warmed up and still waits. */
    public boolean warm() {
        return !started && !discarded && process.process().isAlive() && Files.exists(warmFile);
    }

    /**
     * Waits until it has warmed up; false, at once, if its process ends, {@code stop} says so, or {@code timeout}
     * passes first.
     */
    public boolean awaitWarm(Duration timeout, BooleanSupplier stop) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!warm()) {
            if (started
                    || discarded
                    || !process.process().isAlive()
                    || stop.getAsBoolean()
                    || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(WARM_CHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether it was said to be warm: until then the pool watches it closely. */
    boolean announced() {
        return announced;
    }

    /** True the first time it is asked, so that a standby's warmth is logged once. */
    boolean announceWarm() {
        boolean first = !announced;
        announced = true;
        return first;
    }

    /** Whether it was started: its process is then an agent's launch, whose end its lifecycle handles. */
    boolean started() {
        return started;
    }

    /** Whether it was ended on purpose, so that its end is not a failure. */
    boolean discarded() {
        return discarded;
    }

    /** Writes the start line: from now on the process is the agent's launch. */
    public void start() throws IOException {
        started = true;
        try {
            Files.deleteIfExists(warmFile);
            process.input().write(START_LINE);
            process.input().close();
        } catch (IOException e) {
            started = false;
            discard();
            throw e;
        }
    }

    /** Closes its input, which ends the JVM at once. */
    public void discard() {
        discarded = true;
        try {
            process.input().close();
        } catch (IOException e) {
            // The process is gone already.
        }
    }
}
