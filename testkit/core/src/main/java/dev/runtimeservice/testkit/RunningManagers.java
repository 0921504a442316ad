package dev.runtimeservice.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every manager this JVM started and has not stopped, stopped by a shutdown hook when the JVM ends without stopping
 * them (Ctrl-C, SIGTERM, a test framework that exits early). A JVM killed with SIGKILL runs no hook: the next run
 * cleans up after it (see {@link Slot}).
 */
final class RunningManagers {

    private static final Set<RuntimeManager> RUNNING = new LinkedHashSet<>();
    private static boolean hooked;

    private RunningManagers() {}

    static synchronized void add(RuntimeManager manager) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningManagers::stopAll, "runtime-testkit-stop"));
            hooked = true;
        }
        RUNNING.add(manager);
    }

    static synchronized void remove(RuntimeManager manager) {
        RUNNING.remove(manager);
    }

    private static void stopAll() {
        List<RuntimeManager> running;
        synchronized (RunningManagers.class) {
            running = new ArrayList<>(RUNNING);
        }
        running.forEach(RuntimeManager::close);
    }
}
