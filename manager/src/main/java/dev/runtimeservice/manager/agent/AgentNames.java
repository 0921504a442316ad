package dev.runtimeservice.manager.agent;

import java.util.regex.Pattern;

/** The one rule for agent names, shared by the catalog and the API's input checks. */
public final class AgentNames {

    /** The regular expression an agent name must match. */
    public static final String REGEX = "[a-z0-9][a-z0-9_-]{0,62}";
    /** The rule in words, for error messages. */
    public static final String RULE =
            "1 to 63 lowercase letters, digits, '-' or '_', starting with a letter or a digit";

    /**
     * The most agents one launch or stop request may name: a bound on the work one request can ask for, with room
     * for a few hundred small agents in one call.
     */
    public static final int MAX_PER_REQUEST = 256;

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private AgentNames() {}

    public static boolean isValid(String name) {
        return PATTERN.matcher(name).matches();
    }
}
