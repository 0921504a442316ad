/** The manager's background threads: one way to make them. */
@NullMarked
package dev.runtimeservice.manager.scheduling;

import org.jspecify.annotations.NullMarked;
