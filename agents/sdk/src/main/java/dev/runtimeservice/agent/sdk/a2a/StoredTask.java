package dev.runtimeservice.agent.sdk.a2a;

import java.time.Instant;

/**
 * A task as the store keeps it on disk: with when it was created (to order a conversation's turns) and last
 * changed (for the time-to-live).
 *
 * @param task the task
 * @param created when it was created
 * @param updated when it last changed
 */
record StoredTask(Task task, Instant created, Instant updated) {}
