/**
 * The A2A 1.0 server every agent gets from the SDK: the protocol's data model (from {@code a2a.proto}, JSON in
 * camelCase with enum names as written there), tasks with their lifecycle and store, and the JSON-RPC and
 * HTTP+JSON bindings that reach the agent's {@link dev.runtimeservice.agent.sdk.skill.Skill skills}.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.a2a;

import org.jspecify.annotations.NullMarked;
