package dev.runtimeservice.manager.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged manager run as a user runs it: the README's start command, {@code bin/runtime-manager} (Spring AOT and
 * the class archive the build recorded), from the repository's root, so it finds the built-in agents in
 * {@code agents/}. {@link #startPlainJar} runs a plain {@code java -jar manager/target/runtime-manager.jar}, which
 * the README says works too.
 */
final class PackagedManager implements AutoCloseable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("manager/target/runtime-manager.jar");
    static final Path SCRIPT = ROOT.resolve("bin/runtime-manager");
    /**
     * The class archives of the built-in agents that the build's training run recorded ({@code run/fast-start}),
     * keyed by jar, JDK and JVM options: a test catalog whose descriptors point at the same jars with the same
     * {@code jvm-args} ({@link #builtInJvmArgs}) starts its agents from them, as a user's second launch does.
     */
    static final Path FAST_START_CACHE = ROOT.resolve("run/fast-start");
    /** The managers' temporary folder ({@code java.io.tmpdir}), where nothing of theirs should stay. */
    static final String TEMPORARY = ROOT.resolve("manager/target").toString();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Process process;
    private final Path output;

    private PackagedManager(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * The {@code jvm-args} and {@code limits} lines of a built-in agent's {@code agent.yml} (Spring AOT, the sized
     * heap, its cgroup limits), for test catalogs that run the real jar as the product runs it.
     */
    static String builtInJvmArgs(String agent) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("agents/" + agent + "/agent.yml"));
        String jvmArgs = lines.stream()
                .filter(line -> line.startsWith("jvm-args:"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("agents/" + agent + "/agent.yml has no jvm-args"));
        // The shipped limits too, so that the end-to-end tests run the built-in agents as they ship.
        return lines.stream()
                .filter(line -> line.startsWith("limits:"))
                .findFirst()
                .map(limits -> jvmArgs + "\n" + limits)
                .orElse(jvmArgs);
    }

    /**
     * The README's start command for a test, with these JVM options added: a manager that keeps its temporary files
     * in target/, where a test can check that it leaves none there. Environment variables go on the builder.
     */
    static ProcessBuilder script(String... jvmOptions) {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString());
        builder.environment().put("RUNTIME_MANAGER_JAVA_OPTS", String.join(" ", javaOptions(jvmOptions)));
        return builder;
    }

    private static List<String> javaOptions(String... jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-Djava.io.tmpdir=" + TEMPORARY));
        options.addAll(List.of(jvmOptions));
        return options;
    }

    /** Starts it with the README's command and these extra environment variables; its output goes to {@code output}. */
    static PackagedManager start(Map<String, String> env, Path output) throws IOException {
        return start(script(), env, output);
    }

    /**
     * Starts it with a plain {@code java -jar}: none of the script's heap settings, Spring AOT or class archive, only
     * the quick compiler and the serial collector, so that the test pays less for the slow start.
     */
    static PackagedManager startPlainJar(Map<String, String> env, Path output) throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        argv.addAll(javaOptions());
        argv.addAll(List.of("-jar", JAR.toString()));
        return start(new ProcessBuilder(argv), env, output);
    }

    private static PackagedManager start(ProcessBuilder builder, Map<String, String> env, Path output)
            throws IOException {
        builder.directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        // Its own state folder, so that it never takes over agents of a manager another test runs (e2e test classes
        // run two at a time) or left behind; a test that restarts a manager on one state folder passes STATE_DIR.
        Path stateDir = Files.createDirectories(ROOT.resolve("manager/target/packaged-state"));
        builder.environment()
                .put(
                        "STATE_DIR",
                        Files.createTempDirectory(stateDir, "manager-").toString());
        builder.environment().putAll(env);
        return new PackagedManager(builder.start(), output);
    }

    /** A JSON POST, as the e2e tests send to the manager and its agents, answered within two minutes. */
    static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until {@code url} answers 200, failing at once if the manager exits. */
    void awaitHealthy(String url, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The manager exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The manager was not healthy within " + timeout + ":\n" + output());
    }

    /** Waits for the process to exit on its own and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The manager did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as Ctrl-C or a service manager would, and waits for the exit. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Kills the manager with SIGKILL, as a crash or the OOM killer would: it cannot stop its agents. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Kills whatever is left of the manager and its agents, so that a failed test leaves nothing running. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
