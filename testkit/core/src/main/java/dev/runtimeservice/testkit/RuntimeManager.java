package dev.runtimeservice.testkit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manager started for a test run from a runtime distribution, with its agents on free ports; {@link #close()}
 * stops it with every agent and deletes its folder. It is also stopped when the JVM exits, and a run killed before
 * either is cleaned up by the next run that uses the same distribution.
 *
 * <pre>{@code
 * try (RuntimeManager runtime = RuntimeManager.start(RuntimeHome.locate(null, Path.of("")))) {
 *     URI vfs = runtime.launch(List.of("vfs"), "{}").get("vfs");
 *     ...
 * }
 * }</pre>
 */
public final class RuntimeManager implements AutoCloseable {

    private final RuntimeHome home;
    private final Slot slot;
    private final TestCatalog catalog;
    private final ManagerProcess process;
    private final Map<String, URI> agents = new LinkedHashMap<>();
    private boolean closed;

    private RuntimeManager(RuntimeHome home, Slot slot, TestCatalog catalog, ManagerProcess process) {
        this.home = home;
        this.slot = slot;
        this.catalog = catalog;
        this.process = process;
    }

    /**
     * Starts a manager from the distribution in a work folder of its own, after cleaning up what a killed run left
     * in that folder: its manager is stopped, and its agents are taken over by the new manager and stopped.
     */
    public static RuntimeManager start(RuntimeHome home) {
        return start(home, home.workRoot());
    }

    /**
     * Starts a manager as {@link #start(RuntimeHome)} does, in a slot of the given work root instead of the
     * distribution's {@code run/testkit} (or {@code -Druntime.testkit.work}).
     */
    public static RuntimeManager start(RuntimeHome home, Path workRoot) {
        Slot slot = Slot.acquire(workRoot);
        try {
            TestCatalog catalog = new TestCatalog(slot.folder().resolve("agents"));
            if (slot.leftOver()) {
                LeftoverManager.stopIn(slot.folder().resolve("state"));
            }
            if (!Files.isDirectory(catalog.folder())) {
                catalog.addBuiltIns(home);
            }
            ManagerProcess process = ManagerProcess.start(home, slot, catalog.folder());
            RuntimeManager manager = new RuntimeManager(home, slot, catalog, process);
            RunningManagers.add(manager);
            if (slot.leftOver()) {
                manager.stopTakenOver();
            }
            return manager;
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /**
     * Stops the agents of a killed run that this manager took over as it started (its take-over checks each one's
     * pid, start time and launch token), then gives this run a fresh catalog: their folders held their data.
     */
    private void stopTakenOver() {
        try {
            process.client().stop(process.client().agents());
            Slot.deleteTree(catalog.folder());
            catalog.addBuiltIns(home);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void stopAgentsOf(RuntimeHome home, Slot slot, TestCatalog catalog) {
        ManagerProcess adopter = ManagerProcess.start(home, slot, catalog.folder());
        try {
            adopter.client().stop(adopter.client().agents());
        } finally {
            adopter.stop();
        }
    }

    /** The manager's base URL, such as {@code http://127.0.0.1:20000}. */
    public URI url() {
        return process.url();
    }

    /**
     * Launches agents, as {@code POST /api/launch_agents} does, and answers each one's base URL by name.
     *
     * @param resources the launch's resources, a JSON object ({@code "{}"} for none)
     */
    public synchronized Map<String, URI> launch(List<String> names, String resources) {
        Map<String, URI> launched = process.client().launch(names, resources);
        agents.putAll(launched);
        return launched;
    }

    /**
     * Registers an agent from its folder, which holds its {@code agent.yml}; the folder's name is the agent's name.
     * Launch it with {@link #launch}.
     *
     * @return the agent's name
     */
    public String register(Path folder) {
        return catalog.link(folder);
    }

    /** The base URL of an agent this manager launched. */
    public synchronized URI agentUrl(String name) {
        URI url = agents.get(name);
        if (url == null) {
            throw new TestkitException("Agent " + name + " was not launched in this test run (launched: "
                    + agents.keySet() + "): name it in agents, or launch it first");
        }
        return url;
    }

    /** The agents launched so far and their base URLs. */
    public synchronized Map<String, URI> agentUrls() {
        return Map.copyOf(agents);
    }

    /** The last lines of an agent's log, as the manager gives them (resource values masked). */
    public String logTail(String agent, int lines) {
        return process.client().logTail(agent, lines);
    }

    /** The manager's process id. */
    public long pid() {
        return process.pid();
    }

    /** The process ids of the agents that run now, by name. */
    public Map<String, Long> agentPids() {
        return process.client().pids();
    }

    /** The run's folder: the manager's catalog, state and logs, deleted when it stops. */
    public Path folder() {
        return slot.folder();
    }

    /** Stops the manager and every agent, and deletes the run's folder; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RunningManagers.remove(this);
        try {
            boolean died = !process.alive();
            process.stop();
            if (died) {
                // Its agents outlived it (they run in a session of their own): a new manager takes them over.
                stopAgentsOf(home, slot, catalog);
            }
        } finally {
            slot.close();
        }
    }
}
