/**
 * Skills, the one way into an agent: each is declared once with its card entry, input and output types and a
 * handler; the agent's REST API and A2A both call that handler.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.skill;

import org.jspecify.annotations.NullMarked;
