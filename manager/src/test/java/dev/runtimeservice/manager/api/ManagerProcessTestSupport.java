package dev.runtimeservice.manager.api;

import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The one manager context that most in-JVM tests share. Each test stops every agent at its end, and the catalog's
 * agents take ports from one range, so these classes never run beside one another (failsafe runs test classes two
 * at a time; see the manager's pom). They may run beside an e2e test, whose manager, ports and folders are its own;
 * what they look up in the process table is only what their manager launched ({@link #processesOf(String)}).
 */
@ResourceLock("the in-JVM manager these classes share")
abstract class ManagerProcessTestSupport extends InJvmManagerSupport {}
