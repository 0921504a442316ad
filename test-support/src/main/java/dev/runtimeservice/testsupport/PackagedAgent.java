package dev.runtimeservice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * A packaged agent jar run as a real child process on a free port, as the manager runs it: the JVM from
 * {@code java.home}, the {@code jvm-args} of the agent's {@code agent.yml}, its temporary files in its home, its output
 * in {@code <name>.log} there. Closing it kills the process and everything it started.
 */
public final class PackagedAgent implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String READINESS = "/actuator/health/readiness";

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedAgent(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * How to start an agent's jar.
     *
     * @param name the agent's name, used in messages and as its log file's name
     * @param jar the packaged jar; a missing one fails with the command that builds it
     */
    public static Builder of(String name, Path jar) {
        return new Builder(name, jar);
    }

    public int port() {
        return port;
    }

    /** The agent's base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(url() + pathAndQuery);
    }

    public Process process() {
        return process;
    }

    /** Everything the agent printed so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the readiness probe answers 200; fails at once, with the log, if the process exits. */
    public PackagedAgent awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            name + " exited with code " + process.exitValue() + "; its log:\n" + log());
                }
                if (answersReady()) {
                    return this;
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError(name + " was not ready within " + timeout + "; its log:\n" + log());
    }

    private boolean answersReady() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(READINESS))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Kills the process at once (SIGKILL on Unix), like a crash, and returns its exit code once it is gone. */
    public int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until the process has exited on its own; false if it still runs after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Kills the process and everything it started at once, as a crash would: a test that compares the files around
     * the agent before and after sees what the agent did while it ran, not what its shutdown hooks clean up.
     */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        kill();
    }

    /** The home, environment and JVM options an agent starts with. */
    public static final class Builder {

        private final String name;
        private final Path jar;
        private Path home = Path.of(".");
        private Path descriptor = Path.of("agent.yml");
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> environment = new HashMap<>();

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
        }

        /** Its home ({@code AGENT_HOME}, also the working directory), which holds its log and temporary files. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** The {@code agent.yml} whose {@code jvm-args} it runs with; the module's own by default. */
        public Builder descriptor(Path descriptor) {
            this.descriptor = descriptor;
            return this;
        }

        /** More JVM options, after the descriptor's. */
        public Builder jvmArgs(List<String> options) {
            jvmArgs.addAll(options);
            return this;
        }

        /** More environment variables ({@code AGENT_NAME}, {@code AGENT_RESOURCES_FILE}, limits...). */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Starts the process without waiting for it to be ready. */
        public PackagedAgent start() throws IOException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " does not exist; build it with ./mvnw -pl agents/" + name
                        + " -am -DskipTests package, or run the *IT tests through Maven's verify phase");
            }
            Files.createDirectories(home);
            int port = TestPorts.free();
            // Appended to: an agent started again in the same home (after a kill) keeps the earlier run's output.
            Path log = home.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            // As the manager does: the JVM's temporary files (Tomcat's docbase, native libraries) stay in the
            // agent's home, which the test deletes, even when the test kills the agent.
            command.add("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve(".tmp")));
            command.addAll(descriptorJvmArgs());
            command.addAll(jvmArgs);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(home.toFile());
            builder.environment().put("AGENT_PORT", Integer.toString(port));
            builder.environment().put("AGENT_HOME", home.toAbsolutePath().toString());
            builder.environment().putAll(environment);
            return new PackagedAgent(name, builder.start(), port, log);
        }

        /** Starts the process and waits until it is ready, or kills it and fails with its log. */
        public PackagedAgent startReady(Duration timeout) throws IOException {
            PackagedAgent agent = start();
            try {
                return agent.awaitReady(timeout);
            } catch (RuntimeException | Error e) {
                agent.close();
                throw e;
            }
        }

        /** The agent.yml's jvm-args (Spring AOT and the memory caps): the jar runs here as the manager runs it. */
        @SuppressWarnings("unchecked")
        private List<String> descriptorJvmArgs() throws IOException {
            if (!Files.isRegularFile(descriptor)) {
                return List.of();
            }
            Map<String, Object> fields = new Yaml().load(Files.readString(descriptor));
            Object args = fields == null ? null : fields.get("jvm-args");
            return args == null ? List.of() : (List<String>) args;
        }
    }
}
