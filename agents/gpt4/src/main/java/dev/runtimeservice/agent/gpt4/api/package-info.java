/**
 * The agent's HTTP API: {@code /generate}, the skills' task endpoints, and the OpenAI-compatible
 * {@code /v1}; errors as problem+json.
 */
@NullMarked
package dev.runtimeservice.agent.gpt4.api;

import org.jspecify.annotations.NullMarked;
