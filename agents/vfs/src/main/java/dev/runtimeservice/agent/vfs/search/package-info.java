/**
 * Search by glob and by text content over the virtual file tree.
 */
@NullMarked
package dev.runtimeservice.agent.vfs.search;

import org.jspecify.annotations.NullMarked;
