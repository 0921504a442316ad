package dev.runtimeservice.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real runtime: before its first test a manager starts from a runtime distribution on
 * free ports and launches the {@link #agents()}; after its last test (also when tests fail, and when the JVM is
 * stopped) the manager stops with every agent and its folder is deleted. Fields and parameters annotated with
 * {@link AgentUrl} or {@link ManagerUrl} get the URLs; a parameter of type {@link
 * dev.runtimeservice.testkit.RuntimeManager} gets the manager itself. When a test fails, the last lines of each
 * agent's log are attached to its failure. {@code @Nested} classes use their enclosing class's manager and agents.
 *
 * <pre>{@code
 * @RuntimeTest(agents = {"vfs", "kendra"})
 * class SearchIT {
 *     @AgentUrl("kendra") URI kendra;
 *     @Test void findsWhatWasIngested() { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RuntimeExtension.class)
public @interface RuntimeTest {

    /** The agents to launch, by name: the distribution's built-in ones and those of {@link #agentFolders()}. */
    String[] agents() default {};

    /** The launch's resources, a JSON object as in {@code POST /api/launch_agents}. */
    String resources() default "{}";

    /**
     * Folders of the test's own agents, each with an {@code agent.yml} (the folder's name is the agent's name),
     * relative to the working directory; they are registered and launched with the {@link #agents()}.
     */
    String[] agentFolders() default {};

    /**
     * The runtime distribution (a folder with {@code bin/runtime-manager} and a built manager); empty: {@code
     * -Druntime.home}, {@code RUNTIME_HOME}, else the first one found from the working directory upwards.
     */
    String home() default "";

    /**
     * Whether this class shares one manager with the other classes of the test JVM that ask for it, as a
     * Testcontainers container shared across test classes: it starts with the first such class and stops once all
     * tests of the JVM are done, never later (no run leaves anything behind). Each class launches its own agents on
     * it; an agent that already runs is kept, unless the class gives it other resources.
     */
    boolean shared() default false;

    /** How many of each agent's last log lines a failed test gets. */
    int logLines() default 50;
}
