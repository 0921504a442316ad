package dev.runtimeservice.agent.orchestrator.delegation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A skill call that answered: the agent completed its A2A task.
 *
 * @param request what was called: the A2A method, the agent's JSON-RPC URL and the skill
 * @param status the HTTP status of the call (200)
 * @param tookMs how long the call took
 * @param answer the task's structured answer (its artifact's data part), else its text
 * @param taskId the agent's task id (for {@code GetTask} on that agent)
 * @param state the task's final state
 * @param output the answer as text, which the next step of a plan receives
 */
public record Delegation(
        String request,
        int status,
        @JsonProperty("took_ms") long tookMs,
        Object answer,
        @JsonProperty("task_id") String taskId,
        String state,
        @JsonIgnore String output) {}
