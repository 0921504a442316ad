package dev.runtimeservice.agent.gpt4.generation;

import java.util.Locale;

/** Why a generation ended, named as OpenAI names it. */
public enum FinishReason {

    /** The model ended the text or met a stop text. */
    STOP,

    /** The token limit was reached. */
    LENGTH,

    /** The provider filtered the content. */
    CONTENT_FILTER;

    /**
     * Returns the OpenAI name.
     *
     * @return such as {@code "stop"}
     */
    public String openAiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads an OpenAI name; anything unknown counts as {@link #STOP}.
     *
     * @param name such as {@code "length"}
     * @return the reason
     */
    public static FinishReason fromOpenAi(String name) {
        return switch (name) {
            case "length" -> LENGTH;
            case "content_filter" -> CONTENT_FILTER;
            default -> STOP;
        };
    }
}
