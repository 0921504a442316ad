package dev.runtimeservice.agent.sdk.lifecycle;

import dev.runtimeservice.agent.sdk.standby.StandbyMain;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.env.Environment;

/**
 * Facts about the running agent process: pid, port, base URL, start time and state; the SDK
 * provides this bean.
 */
public final class AgentRuntime {

    private final Environment environment;
    private final Clock clock;
    private final Instant startedAt;
    private final AtomicReference<AgentState> state = new AtomicReference<>(AgentState.RUNNING);

    AgentRuntime(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
        this.startedAt = StandbyMain.startedAt()
                .orElseGet(() -> Instant.ofEpochMilli(
                        ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /**
     * Returns the id of this process.
     *
     * @return the pid
     */
    public long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * Returns the port the HTTP server listens on.
     *
     * @return the actual port once the server runs, else the configured one
     */
    public int port() {
        Integer local = environment.getProperty("local.server.port", Integer.class);
        return local != null ? local : environment.getProperty("server.port", Integer.class, 8080);
    }

    /**
     * Returns the URL clients reach the agent at, such as {@code http://127.0.0.1:8001/}; a wildcard
     * bind address is replaced by the loopback address.
     *
     * @return the base URL, ending with a slash
     */
    public URI baseUrl() {
        String host = environment.getProperty("server.address", "127.0.0.1");
        if (host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
            host = InetAddress.getLoopbackAddress().getHostAddress();
        }
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + port() + "/");
    }

    /**
     * Returns when the agent started: when its JVM started, or when it was started from warm standby.
     *
     * @return the start instant
     */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Returns how long the process has been running.
     *
     * @return the time since {@link #startedAt()}
     */
    public Duration uptime() {
        return Duration.between(startedAt, clock.instant());
    }

    /**
     * Returns the agent's state.
     *
     * @return {@link AgentState#RUNNING} until shutdown is asked for
     */
    public AgentState state() {
        return state.get();
    }

    boolean markStopping() {
        return state.compareAndSet(AgentState.RUNNING, AgentState.STOPPING);
    }
}
