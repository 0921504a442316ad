/**
 * Per-agent limits ({@code limits:} in {@code agent.yml}) enforced by the kernel's cgroups: {@link
 * dev.runtimeservice.manager.limits.Limits} is what an agent may use, {@link
 * dev.runtimeservice.manager.limits.Cgroups} finds at start which cgroup hierarchy this machine lets the manager use
 * (v2 where memory, cpu and pids are delegated, v1 otherwise, none when nothing is writable) and gives each launch a
 * cgroup of its own, {@link dev.runtimeservice.manager.limits.AgentCgroup}.
 */
@NullMarked
package dev.runtimeservice.manager.limits;

import org.jspecify.annotations.NullMarked;
