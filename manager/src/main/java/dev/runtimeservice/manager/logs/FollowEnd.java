package dev.runtimeservice.manager.logs;

import org.jspecify.annotations.Nullable;

/**
 * Why a followed log ends: the agent's launch is over, stopped (or not running at all) or failed for good.
 *
 * @param failed whether it failed rather than stopped
 * @param reason why it failed, as its launch says
 */
public record FollowEnd(boolean failed, @Nullable String reason) {

    /** The agent stopped, or does not run. */
    public static final FollowEnd STOPPED = new FollowEnd(false, null);

    /** The agent failed, for {@code reason}. */
    public static FollowEnd failed(@Nullable String reason) {
        return new FollowEnd(true, reason);
    }
}
