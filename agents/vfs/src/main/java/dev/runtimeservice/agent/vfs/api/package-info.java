/**
 * The HTTP API of the file operations and their skills in the agent card.
 */
@NullMarked
package dev.runtimeservice.agent.vfs.api;

import org.jspecify.annotations.NullMarked;
