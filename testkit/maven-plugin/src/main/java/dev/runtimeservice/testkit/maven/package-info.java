/** The Maven plugin: {@code runtime:start} and {@code runtime:stop} around a build's integration tests. */
@NullMarked
package dev.runtimeservice.testkit.maven;

import org.jspecify.annotations.NullMarked;
