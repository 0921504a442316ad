/**
 * Virtual paths: parsing and refusing every path that could leave the vfs root.
 */
@NullMarked
package dev.runtimeservice.agent.vfs.path;

import org.jspecify.annotations.NullMarked;
