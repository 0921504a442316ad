/**
 * The A2A agent card served at {@code /.well-known/agent-card.json}.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.card;

import org.jspecify.annotations.NullMarked;
