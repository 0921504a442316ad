/**
 * The kendra agent: a Spring Boot app on the agent SDK.
 */
@NullMarked
package dev.runtimeservice.agent.kendra;

import org.jspecify.annotations.NullMarked;
