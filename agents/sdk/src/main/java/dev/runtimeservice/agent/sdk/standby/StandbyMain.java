package dev.runtimeservice.agent.sdk.standby;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;

/**
 * Starts an agent in warm standby: {@code java -cp <agent jar> dev.runtimeservice.agent.sdk.standby.StandbyMain
 * <warm file> <main class> [args]}, with the environment of the launch to come.
 *
 * <p>Most of an agent's start-up goes to loading, linking and compiling the code that Spring Boot runs, not to the
 * agent's own work. So the standby first runs the agent once with its own configuration but on a throwaway port,
 * home and resources file, with only errors logged, and closes it; creates the warm file; then waits for one line
 * on standard input. {@code start} runs the agent's main method for real, which then starts in a fraction of a
 * second. The end of standard input (the manager is gone) ends the standby, at any time before {@code start}.
 */
public final class StandbyMain {

    /** The line the manager writes to start the agent. */
    public static final String START = "start";

    private static volatile @Nullable Instant startedAt;

    private StandbyMain() {}

    /**
     * When the agent was started for real, if it was started from a standby; its uptime counts from then, not
     * from the JVM's start.
     *
     * @return the instant of {@link #START}, or empty for an agent started the usual way
     */
    public static Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /**
     * Warms up, waits for {@link #START}, then runs the agent.
     *
     * @param args the warm file, the agent's main class, then the agent's own arguments
     * @throws Throwable whatever the agent's main method throws
     */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("Usage: StandbyMain <warm file> <main class> [args]");
            System.exit(2);
        }
        Path warmFile = Path.of(args[0]);
        Class<?> application = Class.forName(args[1]);
        String[] agentArgs = Arrays.copyOfRange(args, 2, args.length);
        CountDownLatch start = awaitStartLine();
        warmUp(application, agentArgs);
        Files.writeString(warmFile, Long.toString(ProcessHandle.current().pid()));
        start.await();
        startedAt = Instant.now();
        Method main = application.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) agentArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Reads standard input on a thread of its own: the start line releases the latch, its end ends the JVM. */
    private static CountDownLatch awaitStartLine() {
        CountDownLatch start = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    try {
                        BufferedReader in =
                                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                        String line = in.readLine();
                        if (line != null && START.equals(line.strip())) {
                            start.countDown();
                            return;
                        }
                    } catch (IOException e) {
                        // Treated as the end of input below.
                    }
                    // The manager is gone (or sent something else): nobody will start this agent.
                    Runtime.getRuntime().halt(0);
                },
                "standby-input");
        reader.setDaemon(true);
        reader.start();
        return start;
    }

    /**
     * Runs the agent once and closes it: on any free port, with a home and resources file of its own under the
     * temporary folder (deleted after), Tomcat's folder there too, and only errors logged.
     */
    static void warmUp(Class<?> application, String[] args) throws IOException {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "standby-warm-up");
        deleteTree(home);
        Files.createDirectories(home);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("server.port", "0");
        overrides.put("agent.home", home.toString());
        overrides.put("agent.resources-file", home.resolve("resources.json").toString());
        overrides.put("server.tomcat.basedir", home.resolve(".tomcat").toString());
        overrides.put("logging.level.root", "ERROR");
        Properties before = (Properties) System.getProperties().clone();
        overrides.forEach(System::setProperty);
        try {
            SpringApplication warmUp = new SpringApplication(application);
            warmUp.setMainApplicationClass(application);
            warmUp.run(args).close();
        } finally {
            restore(before);
            deleteTree(home);
        }
    }

    /**
     * Puts the system properties back as they were: the warm-up's own, and those the libraries set while it ran
     * (Tomcat's {@code catalina.base} among them, which would send the agent's Tomcat to the deleted folder).
     */
    private static void restore(Properties before) {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (!before.containsKey(name)) {
                System.clearProperty(name);
            }
        }
        before.stringPropertyNames().forEach(name -> System.setProperty(name, before.getProperty(name)));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
