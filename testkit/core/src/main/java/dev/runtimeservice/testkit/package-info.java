/**
 * The test kit's core: a manager started from a runtime distribution for one test run ({@link
 * dev.runtimeservice.testkit.RuntimeManager}), shared by the JUnit extension and the Maven plugin.
 */
@NullMarked
package dev.runtimeservice.testkit;

import org.jspecify.annotations.NullMarked;
