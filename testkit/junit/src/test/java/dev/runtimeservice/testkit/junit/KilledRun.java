package dev.runtimeservice.testkit.junit;

import dev.runtimeservice.testkit.RuntimeHome;
import dev.runtimeservice.testkit.RuntimeManager;
import java.nio.file.Path;
import java.util.List;

/**
 * A test run that {@link KilledRunIsCleanedUpIT} kills with SIGKILL: in a JVM of its own it starts a manager with
 * vfs, prints their pids and waits to be killed.
 */
final class KilledRun {

    private KilledRun() {}

    public static void main(String[] args) throws InterruptedException {
        RuntimeManager runtime = RuntimeManager.start(RuntimeHome.locate(null, Path.of("")));
        runtime.launch(List.of("vfs"), "{}");
        System.out.println(
                "RUNNING " + runtime.pid() + " " + runtime.agentPids().get("vfs") + " " + runtime.folder());
        Thread.sleep(600_000);
    }
}
