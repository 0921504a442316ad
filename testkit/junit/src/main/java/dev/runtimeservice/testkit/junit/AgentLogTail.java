package dev.runtimeservice.testkit.junit;

/**
 * The last lines of an agent's log, attached to a failed test's exception as a suppressed one, so that they appear
 * with its stack trace in the console and in the test report.
 */
final class AgentLogTail extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AgentLogTail(String agent, int lines, String tail) {
        super("the last " + lines + " lines of agent " + agent + "'s log:\n" + tail, null, false, false);
    }
}
