package dev.runtimeservice.testkit.junit;

import dev.runtimeservice.testkit.RuntimeHome;
import dev.runtimeservice.testkit.RuntimeManager;
import java.nio.file.Path;
import java.util.List;

/**
 * A test run that {@link InterruptedRunsLeaveNothingIT} stops or kills mid-way: in a JVM of its own it starts a
 * manager with the tiny agent, as {@code @RuntimeTest} does, prints what runs and waits.
 */
final class InterruptedRun {

    static final Path AGENT = Path.of("src/test/agents/tiny");

    private InterruptedRun() {}

    public static void main(String[] args) throws InterruptedException {
        RuntimeManager runtime = RuntimeManager.start(RuntimeHome.locate(null, Path.of("")));
        runtime.launch(List.of(runtime.register(AGENT)), "{}");
        System.out.println("RUNNING " + runtime.pid() + " "
                + runtime.agentPids().get("tiny") + " " + runtime.url() + " " + runtime.folder());
        Thread.sleep(600_000);
    }
}
