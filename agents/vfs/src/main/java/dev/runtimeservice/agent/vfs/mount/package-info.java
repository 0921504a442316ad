/**
 * Mounts declared in the launch's resources (local folders and zip archives), and the resources
 * vfs cannot use.
 */
@NullMarked
package dev.runtimeservice.agent.vfs.mount;

import org.jspecify.annotations.NullMarked;
