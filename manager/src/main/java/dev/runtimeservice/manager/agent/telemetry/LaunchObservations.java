package dev.runtimeservice.manager.agent.telemetry;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.faststart.FastStart;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.stereotype.Component;

/**
 * The observation of one launch, from its spawn to ready: a span ({@code agent launch}, with a child span for each
 * step) and the {@code runtime_agent_launch_seconds} histogram, labelled by agent, by whether a warm standby was used
 * ({@code standby}) and whether a class archive was used ({@code archive}: {@code used}, {@code recorded} by this
 * launch, {@code none}). It feeds {@link AgentFailures} with the launch's start and its failure.
 */
@Component
public class LaunchObservations {

    static final String LAUNCH = "runtime.agent.launch";

    private final ObservationRegistry observations;
    private final AgentFailures failures;

    LaunchObservations(ObservationRegistry observations, AgentFailures failures) {
        this.observations = observations;
        this.failures = failures;
    }

    /** Starts observing a launch and makes it current on this thread; close the returned launch when it ends. */
    public Launch start(ManagedAgent agent) {
        failures.launching(agent);
        Observation observation = Observation.createNotStarted(LAUNCH, observations)
                .contextualName("agent launch")
                .lowCardinalityKeyValue("agent", agent.name())
                .highCardinalityKeyValue("launch.id", agent.id())
                .highCardinalityKeyValue("launch.restarts", String.valueOf(agent.restarts()))
                .start();
        return new Launch(agent, observation, observation.openScope());
    }

    /** One launch being observed; its steps are spans under it. */
    public final class Launch implements AutoCloseable {

        private final ManagedAgent agent;
        private final Observation observation;
        private final Observation.Scope scope;
        private boolean standby;

        private Launch(ManagedAgent agent, Observation observation, Observation.Scope scope) {
            this.agent = agent;
            this.observation = observation;
            this.scope = scope;
        }

        /** Runs one step of the launch that gives nothing back, in a span. */
        public <E extends Exception> void run(String name, Action<E> action) throws E {
            step(name, () -> {
                action.run();
                return Boolean.TRUE;
            });
        }

        /** Records that the launch starts from a warm standby. */
        public void fromStandby() {
            standby = true;
        }

        /** Runs one step of the launch ({@code start slot wait}, {@code spawn}, {@code readiness}) in a span. */
        public <T, E extends Exception> T step(String name, Step<T, E> step) throws E {
            Observation child = Observation.createNotStarted(LAUNCH + "." + name.replace(' ', '.'), observations)
                    .contextualName(name)
                    .lowCardinalityKeyValue("agent", agent.name())
                    .parentObservation(observation)
                    .start();
            try (Observation.Scope ignored = child.openScope()) {
                return step.run();
            } catch (Exception | Error e) {
                child.error(e);
                throw e;
            } finally {
                child.stop();
            }
        }

        /** Records why the launch failed. */
        public void failed(Throwable failure) {
            observation.error(failure);
            failures.startFailed(agent, failure);
        }

        @Override
        public void close() {
            observation.lowCardinalityKeyValue("standby", String.valueOf(standby));
            observation.lowCardinalityKeyValue(
                    "archive", agent.fastStart().map(Launch::archive).orElse("none"));
            scope.close();
            observation.stop();
        }

        private static String archive(FastStart fastStart) {
            return fastStart.training() != null ? "recorded" : fastStart.archive() != null ? "used" : "none";
        }
    }

    /** A step of a launch that gives nothing back. */
    @FunctionalInterface
    public interface Action<E extends Exception> {
        void run() throws E;
    }

    /** A step of a launch. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }
}
