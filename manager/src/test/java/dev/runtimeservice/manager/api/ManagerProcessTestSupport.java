package dev.runtimeservice.manager.api;

import org.junit.jupiter.api.parallel.Isolated;

/**
 * The one manager context that most in-JVM tests share. Each test stops every agent at its end, and the catalog's
 * agents take ports from one range, so these classes run alone: never beside one another or an e2e test (failsafe
 * runs test classes two at a time; see the manager's pom).
 */
@Isolated
abstract class ManagerProcessTestSupport extends InJvmManagerSupport {}
