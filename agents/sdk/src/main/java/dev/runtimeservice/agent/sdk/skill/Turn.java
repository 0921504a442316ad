package dev.runtimeservice.agent.sdk.skill;

/**
 * One earlier turn of a conversation (an A2A context).
 *
 * @param fromUser whether the user said it; otherwise the agent answered it
 * @param text what was said
 */
public record Turn(boolean fromUser, String text) {}
