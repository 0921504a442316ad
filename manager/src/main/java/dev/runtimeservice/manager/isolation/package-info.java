/**
 * Isolation between agents when the manager runs as root: each agent may run as an unprivileged user of its own
 * ({@code user:} in {@code agent.yml}), owning its folder and resources file alone.
 */
@NullMarked
package dev.runtimeservice.manager.isolation;

import org.jspecify.annotations.NullMarked;
