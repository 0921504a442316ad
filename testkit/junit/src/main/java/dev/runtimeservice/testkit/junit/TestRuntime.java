package dev.runtimeservice.testkit.junit;

import dev.runtimeservice.testkit.RuntimeManager;
import java.util.List;

/**
 * The runtime a test class uses: its manager (its own or a shared one), the agents the class launched and how many
 * log lines a failure gets. Not closeable on purpose: the store entry that owns the manager closes it.
 */
record TestRuntime(RuntimeManager manager, List<String> agents, int logLines) {}
