/**
 * The sandboxed file tree: volumes (the data root and mounts), resolution of virtual paths to real
 * ones, and the file operations with atomic writes, locks and the size quota.
 */
@NullMarked
package dev.runtimeservice.agent.vfs.store;

import org.jspecify.annotations.NullMarked;
