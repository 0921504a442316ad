/**
 * What the tests of several modules share: free ports, a packaged agent started as the manager starts it, the agent
 * contract's checks, a process's environment read from {@code /proc}, and the A2A client's stream errors told from the
 * agent's.
 */
@NullMarked
package dev.runtimeservice.testsupport;

import org.jspecify.annotations.NullMarked;
