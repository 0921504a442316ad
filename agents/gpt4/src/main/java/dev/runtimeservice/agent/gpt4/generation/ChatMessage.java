package dev.runtimeservice.agent.gpt4.generation;

/**
 * One message of a conversation.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text
 */
public record ChatMessage(String role, String content) {

    /** The roles a conversation may use. */
    public static final java.util.Set<String> ROLES = java.util.Set.of("system", "user", "assistant");

    /**
     * Creates a system message.
     *
     * @param content the text
     * @return the message
     */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    /**
     * Creates a user message.
     *
     * @param content the text
     * @return the message
     */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
