package dev.runtimeservice.testkit.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Maven repository holding this build's plugin, test kit, the common module they need and the parent POM, laid out
 * as {@code mvn install} would lay them out, for a nested build that must not touch the shared local repository.
 */
final class BuildRepository {

    private static final String GROUP = "dev/runtimeservice";

    private BuildRepository() {}

    /** Copies the built artifacts of the repository at {@code root} into a fresh {@code folder}. */
    static Path create(Path root, Path folder) throws IOException {
        String version = System.getProperty("testkit.version");
        Path repository = folder.toAbsolutePath();
        put(repository, "runtime-service", version, root.resolve("pom.xml"), null);
        Path common = root.resolve("common");
        put(repository, "runtime-common", version, common.resolve("pom.xml"), common.resolve("target"));
        Path core = root.resolve("testkit/core");
        put(repository, "runtime-testkit", version, core.resolve("pom.xml"), core.resolve("target"));
        Path plugin = root.resolve("testkit/maven-plugin");
        put(repository, "runtime-maven-plugin", version, plugin.resolve("pom.xml"), plugin.resolve("target"));
        return repository;
    }

    private static void put(Path repository, String artifact, String version, Path pom, Path target)
            throws IOException {
        Path folder = Files.createDirectories(
                repository.resolve(GROUP).resolve(artifact).resolve(version));
        String name = artifact + "-" + version;
        Files.copy(pom, folder.resolve(name + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (target != null) {
            Files.copy(
                    target.resolve(name + ".jar"), folder.resolve(name + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
