/**
 * Indexing files of the vfs agent, found through the manager, by path or glob.
 */
@NullMarked
package dev.runtimeservice.agent.kendra.vfs;

import org.jspecify.annotations.NullMarked;
