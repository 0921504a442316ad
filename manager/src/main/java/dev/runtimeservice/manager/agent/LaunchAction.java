package dev.runtimeservice.manager.agent;

/** What a launch or stop request did to one agent. */
public enum LaunchAction {
    /** The agent was not running and was started. */
    STARTED,
    /** The agent was running and was left as it is. */
    ALREADY_RUNNING,
    /** The agent was running with other resources and was restarted with the new ones. */
    RESTARTED,
    /** The agent was stopped. */
    STOPPED,
    /** The agent was not running; nothing was done. */
    NOT_RUNNING
}
