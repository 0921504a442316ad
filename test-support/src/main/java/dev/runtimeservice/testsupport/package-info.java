/**
 * What the tests of several modules share: free ports, a packaged agent started as the manager starts it, the agent
 * contract's checks, and a process's environment read from {@code /proc}.
 */
@NullMarked
package dev.runtimeservice.testsupport;

import org.jspecify.annotations.NullMarked;
