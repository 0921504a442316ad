package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.sdk.skill.SkillContext;
import dev.runtimeservice.agent.sdk.skill.Turn;
import java.io.IOException;
import java.util.List;

/**
 * What the {@code chat} skill sees of a streamed {@code POST /v1/chat/completions}: each piece of text becomes an
 * OpenAI chunk on the event stream, and a client that went away counts as a cancel, so the model stops at the next
 * token as it does for a cancelled A2A task.
 */
final class ChunkStream implements SkillContext {

    private final SseWriter events;
    private final ChatCompletions completions;
    private volatile boolean clientGone;

    ChunkStream(SseWriter events, ChatCompletions completions) {
        this.events = events;
        this.completions = completions;
    }

    @Override
    public List<Turn> history() {
        return List.of(); // an OpenAI request carries its whole conversation in its messages
    }

    @Override
    public boolean isCancelled() {
        return clientGone;
    }

    @Override
    public void progress(String message) {}

    @Override
    public void partial(String textChunk) {
        try {
            events.send(completions.delta(textChunk, events.isStarted()));
        } catch (IOException e) {
            clientGone = true;
        }
    }
}
