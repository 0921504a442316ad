package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Who sent a message; the 0.3 names ({@code user}, {@code agent}) are read too. */
public enum Role {
    /** Not set. */
    ROLE_UNSPECIFIED,
    /** The client. */
    @JsonAlias("user")
    ROLE_USER,
    /** The agent. */
    @JsonAlias("agent")
    ROLE_AGENT
}
