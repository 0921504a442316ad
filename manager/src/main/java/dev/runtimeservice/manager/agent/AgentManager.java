package dev.runtimeservice.manager.agent;

import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.AgentLifecycle;
import dev.runtimeservice.manager.agent.launch.LaunchResources;
import dev.runtimeservice.manager.agent.standby.StandbyPool;
import dev.runtimeservice.manager.agent.supervision.AgentSupervisor;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.error.UnknownAgentException;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import dev.runtimeservice.manager.state.StateProperties;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Launches, lists and stops agents. Each agent name has one lock, so concurrent requests never start an
 * agent twice; agents of one launch order start together, lower orders first, so the orchestrator comes
 * last. The lifecycle of a single launch lives in {@link AgentLifecycle}.
 */
@Service
public class AgentManager implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentManager.class);

    private final AgentCatalog catalog;
    private final AgentLifecycle lifecycle;
    private final LaunchResources launchResources;
    private final AgentRegistry registry;
    private final AgentSupervisor supervisor;
    private final StateProperties state;
    private final StandbyPool standbys;
    // Each task carries the caller's context (its trace): a launch's spans join the request that asked for it.
    private final ExecutorService workers = ContextExecutorService.wrap(
            Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "agent-worker");
                thread.setDaemon(true);
                return thread;
            }),
            () -> ContextSnapshotFactory.builder().build().captureAll());

    AgentManager(
            AgentCatalog catalog,
            AgentLifecycle lifecycle,
            LaunchResources launchResources,
            AgentRegistry registry,
            AgentSupervisor supervisor,
            StateProperties state,
            StandbyPool standbys) {
        this.state = state;
        this.standbys = standbys;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.launchResources = launchResources;
        this.registry = registry;
        this.supervisor = supervisor;
    }

    /**
     * Launches the named agents with the given resources. An agent that runs is returned as it is unless
     * {@code resources} is not empty and differs from what it runs with: then it is restarted with them.
     */
    public List<AgentOutcome> launch(List<String> names, Map<String, Object> resources) {
        // Copied and digested here, once, so that no agent's lock is held for it.
        ResourcesSnapshot snapshot = launchResources.snapshot(resources);
        List<AgentDescriptor> descriptors = catalog.find(names);
        standbys.launching(names);
        Map<Integer, List<AgentDescriptor>> byOrder = descriptors.stream()
                .collect(Collectors.groupingBy(AgentDescriptor::order, TreeMap::new, Collectors.toList()));
        List<AgentOutcome> outcomes = new ArrayList<>();
        for (List<AgentDescriptor> group : byOrder.values()) {
            outcomes.addAll(runTogether(
                    group,
                    descriptor -> registry.withLock(descriptor.name(), () -> {
                        supervisor.forget(descriptor.name());
                        return lifecycle.launch(descriptor, snapshot);
                    }),
                    outcomes));
        }
        return outcomes;
    }

    /**
     * Stops the named agents together; stopping an agent that does not run does nothing. A stop wins over a
     * start in progress (the starting process is killed at once) and over a pending restart.
     */
    public List<AgentOutcome> stop(List<String> names) {
        Set<String> known = catalog.names();
        List<String> unknown = names.stream()
                .filter(name -> !known.contains(name) && registry.find(name).isEmpty())
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownAgentException(unknown, known);
        }
        List<AgentOutcome> outcomes = runTogether(names.stream().distinct().toList(), this::stopOne, List.of());
        standbys.stopped();
        return outcomes;
    }

    private AgentOutcome stopOne(String name) {
        ManagedAgent requested = registry.find(name).orElse(null);
        if (requested != null) {
            lifecycle.interruptStart(requested);
        }
        return registry.withLock(name, () -> {
            supervisor.forget(name);
            return lifecycle.stop(name, requested);
        });
    }

    /** The agents the manager knows now, by port. */
    public List<ManagedAgent> list() {
        return registry.all().stream()
                .sorted(Comparator.comparingInt(ManagedAgent::port))
                .toList();
    }

    /**
     * Stops every agent when the manager stops, so that nothing it started is left running, unless it is set to
     * leave them running for the next manager to take over (an upgrade).
     */
    @Override
    public void destroy() {
        supervisor.destroy();
        List<String> names = registry.all().stream().map(ManagedAgent::name).toList();
        if (!names.isEmpty() && state.keepAgentsOnExit()) {
            registry.persist();
            log.info(
                    "Manager stopping: leaving agents {} running for the next manager (KEEP_AGENTS_ON_EXIT=true)",
                    names);
        } else if (!names.isEmpty()) {
            log.info("Manager stopping: stopping agents {}", names);
            stop(names);
        }
        workers.shutdownNow();
    }

    private <T> List<AgentOutcome> runTogether(
            Collection<T> items, Function<T, AgentOutcome> task, List<AgentOutcome> doneBefore) {
        List<Future<AgentOutcome>> futures = items.stream()
                .map(item -> workers.submit(() -> task.apply(item)))
                .toList();
        List<AgentOutcome> outcomes = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<AgentOutcome> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : asRuntime(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for agents", e);
            }
        }
        if (failure instanceof RuntimeServiceException problem) {
            List<String> done =
                    new ArrayList<>(doneBefore.stream().map(AgentOutcome::name).toList());
            outcomes.forEach(outcome -> done.add(outcome.name()));
            problem.with("completed", done);
        }
        if (failure != null) {
            throw failure;
        }
        return outcomes;
    }

    private static RuntimeException asRuntime(@Nullable Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
