/**
 * The gpt4 agent: a Spring Boot app on the agent SDK.
 */
@NullMarked
package dev.runtimeservice.agent.gpt4;

import org.jspecify.annotations.NullMarked;
