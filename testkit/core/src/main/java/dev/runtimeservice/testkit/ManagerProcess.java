package dev.runtimeservice.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One manager process of a test run: started through the distribution's {@code bin/runtime-manager} (with the class
 * archive and Spring AOT the build prepared) in the run's folder, on any free port; stopped with SIGTERM, which makes
 * it stop every agent it runs, then SIGKILL after a bounded wait.
 */
final class ManagerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("runtime.testkit.start-timeout", 90));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI url;
    private final Path output;
    private final ManagerClient client;

    private ManagerProcess(Process process, URI url, Path output) {
        this.process = process;
        this.url = url;
        this.output = output;
        this.client = new ManagerClient(url);
    }

    /**
     * Starts a manager on the slot's folder and waits until it is ready, or kills it and throws. The manager takes
     * any free port ({@code PORT=0}, bound atomically, so no other process can take it in between) and writes it to
     * {@code manager.port} in its state folder, where it is read from.
     */
    static ManagerProcess start(RuntimeHome home, Slot slot, Path catalog) {
        Path folder = slot.folder();
        Path output = folder.resolve("manager.out");
        Path portFile = folder.resolve("state/manager.port");
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(home.launcher().toString(), "--runtime.fast-start.cache-dir=" + home.fastStartCache()))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        environment(builder.environment(), slot, catalog);
        Process process;
        try {
            Files.createDirectories(folder);
            // A killed run's manager left its file: only the new manager's counts.
            Files.deleteIfExists(portFile);
            process = builder.start();
        } catch (IOException e) {
            throw new TestkitException("Cannot start " + home.launcher() + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int port = awaitPort(process, portFile, output, deadline);
        ManagerProcess manager = new ManagerProcess(process, URI.create("http://127.0.0.1:" + port), output);
        manager.awaitReady(deadline);
        return manager;
    }

    private static void environment(Map<String, String> env, Slot slot, Path catalog) {
        // What the manager would take from the developer's environment and that a test run must not inherit:
        // a key the test kit does not know, standbys on fixed ports, agents left running after it stops, a port
        // file of Spring Boot's elsewhere.
        env.remove("RUNTIME_API_KEY");
        env.remove("AGENT_STANDBY");
        env.remove("PORTFILE");
        env.remove("portfile");
        env.put("KEEP_AGENTS_ON_EXIT", "false");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PORT", "0");
        env.put("MIN_AGENT_PORT", Integer.toString(slot.firstPort()));
        env.put("MAX_AGENT_PORT", Integer.toString(slot.lastPort()));
        env.put("AGENTS_DIR", catalog.toString());
        env.put("LOG_DIR", slot.folder().resolve("logs").toString());
        env.put("STATE_DIR", slot.folder().resolve("state").toString());
    }

    /** The port the manager wrote to its port file once it listened. */
    private static int awaitPort(Process process, Path portFile, Path output, long deadline) {
        while (true) {
            String written = read(portFile);
            if (written.matches("\\d+")) {
                return Integer.parseInt(written);
            }
            checkAlive(process, output, deadline);
            pause();
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            return ""; // being written: read it again
        }
    }

    private void awaitReady(long deadline) {
        while (!client.ready()) {
            checkAlive(process, output, deadline);
            pause();
        }
    }

    /** Throws if the manager exited, or kills it and throws if it took too long. */
    private static void checkAlive(Process process, Path output, long deadline) {
        if (!process.isAlive()) {
            throw new TestkitException("The manager exited (code " + process.exitValue() + ") before it was"
                    + " ready; its output (" + output + "):\n" + outputTail(output));
        }
        if (System.nanoTime() > deadline) {
            stop(process);
            throw new TestkitException("The manager was not ready within " + START_TIMEOUT.toSeconds() + " s"
                    + " (-Druntime.testkit.start-timeout=<seconds>); its output:\n" + outputTail(output));
        }
    }

    URI url() {
        return url;
    }

    ManagerClient client() {
        return client;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Stops the manager (SIGTERM: it stops its agents, each with its shutdown call, SIGTERM and SIGKILL), then kills
     * whatever of its process tree is left after a bounded wait.
     */
    void stop() {
        stop(process);
    }

    private static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String outputTail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while waiting for the manager", e);
        }
    }
}
