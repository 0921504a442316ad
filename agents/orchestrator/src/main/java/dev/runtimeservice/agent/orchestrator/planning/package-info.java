/**
 * Planning: a compound instruction ("search X and summarise it") becomes steps, each routed on its own, where the
 * output of one step feeds the next.
 */
@NullMarked
package dev.runtimeservice.agent.orchestrator.planning;

import org.jspecify.annotations.NullMarked;
