package dev.runtimeservice.agent.gpt4.generation;

import java.io.IOException;

/** Receives text as it is generated; throwing stops the generation (the client went away). */
@FunctionalInterface
public interface TokenSink {

    /** A sink for callers that want only the finished text. */
    TokenSink IGNORE = text -> {};

    /**
     * Takes the next piece of text.
     *
     * @param text one token's text, possibly empty
     * @throws IOException when it cannot be delivered; the provider then cancels the generation
     */
    void accept(String text) throws IOException;
}
