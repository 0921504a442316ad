package dev.runtimeservice.manager.process;

import java.nio.file.Path;

/** The {@code java} of the JDK the manager runs on, which also runs every jar agent. */
public final class JavaExecutable {

    private JavaExecutable() {}

    public static String path() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
