/**
 * The agent catalog: every folder under {@code AGENTS_DIR} with an {@code agent.yml}, read and checked into an
 * {@link dev.runtimeservice.manager.agent.catalog.AgentDescriptor} (how to launch the agent, its port, paths and
 * restart policy). Nothing here starts or watches a process.
 */
@NullMarked
package dev.runtimeservice.manager.agent.catalog;

import org.jspecify.annotations.NullMarked;
