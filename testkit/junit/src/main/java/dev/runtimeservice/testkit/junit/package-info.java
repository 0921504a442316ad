/**
 * The JUnit 5 extension: {@link dev.runtimeservice.testkit.junit.RuntimeTest} on a test class starts a manager and
 * its agents, {@link dev.runtimeservice.testkit.junit.AgentUrl} and {@link dev.runtimeservice.testkit.junit.ManagerUrl}
 * inject their URLs.
 */
@NullMarked
package dev.runtimeservice.testkit.junit;

import org.jspecify.annotations.NullMarked;
