/**
 * What the tests of several modules share: free ports, a packaged agent started as the manager starts it, the agent
 * contract's checks, a process's environment read from {@code /proc}, the official A2A client of an agent, and that
 * client's stream errors told from the agent's.
 */
@NullMarked
package dev.runtimeservice.testsupport;

import org.jspecify.annotations.NullMarked;
