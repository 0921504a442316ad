/**
 * The vfs agent: a Spring Boot app on the agent SDK.
 */
@NullMarked
package dev.runtimeservice.agent.vfs;

import org.jspecify.annotations.NullMarked;
