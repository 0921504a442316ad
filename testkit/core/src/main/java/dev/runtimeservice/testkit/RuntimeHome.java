package dev.runtimeservice.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A runtime distribution: the folder with {@code bin/runtime-manager}, the manager's jar in {@code manager/target}
 * and the built-in agents in {@code agents/}, which is what {@code ./mvnw package} leaves in the repository.
 *
 * @param folder the distribution's root folder
 */
public record RuntimeHome(Path folder) {

    /** The system property that names a distribution; the environment variable is {@code RUNTIME_HOME}. */
    public static final String PROPERTY = "runtime.home";

    public RuntimeHome {
        folder = folder.toAbsolutePath().normalize();
        if (!isDistribution(folder)) {
            throw new TestkitException(folder + " is not a built runtime distribution: it needs bin/runtime-manager and"
                    + " manager/target/runtime-manager.jar; build it with ./mvnw -DskipTests package");
        }
    }

    /**
     * The distribution given (a path, absolute or relative to {@code from}), else the one named by {@code
     * -Druntime.home} or {@code RUNTIME_HOME}, else the first one found from {@code from} upwards, which is the one
     * built in the same reactor when the tests run inside the runtime's repository.
     */
    public static RuntimeHome locate(@Nullable String given, Path from) {
        String named = firstNonBlank(given, System.getProperty(PROPERTY), System.getenv("RUNTIME_HOME"));
        if (named != null) {
            return new RuntimeHome(from.resolve(named));
        }
        for (Path folder = from.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            if (isDistribution(folder)) {
                return new RuntimeHome(folder);
            }
        }
        throw new TestkitException("No runtime distribution found in " + from.toAbsolutePath()
                + " or above it: name one with -D" + PROPERTY + "=<folder> (or RUNTIME_HOME, or the home attribute),"
                + " a folder with bin/runtime-manager and a built manager/target/runtime-manager.jar");
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static boolean isDistribution(Path folder) {
        return Files.isExecutable(folder.resolve("bin/runtime-manager"))
                && Files.isRegularFile(folder.resolve("manager/target/runtime-manager.jar"));
    }

    Path launcher() {
        return folder.resolve("bin/runtime-manager");
    }

    Path agents() {
        return folder.resolve("agents");
    }

    /** The class archives the build's training run made, so agents start as fast as under a real manager. */
    Path fastStartCache() {
        return folder.resolve("run/fast-start");
    }

    /** Where test runs keep their managers' folders, unless {@code -Druntime.testkit.work} names another. */
    Path workRoot() {
        String named = System.getProperty("runtime.testkit.work");
        return named == null || named.isBlank() ? folder.resolve("run/testkit") : Path.of(named);
    }
}
