package dev.runtimeservice.agent.sdk.skill;

import java.util.List;

/** What a skill handler may know and do besides its input: the conversation, cancellation, progress. */
public interface SkillContext {

    /**
     * A context for calls outside any task (the agent's own REST API): no history, never cancelled, progress and
     * partial text dropped. A REST endpoint that streams gives its own context to {@link Skills#call(String, Object,
     * SkillContext)} instead.
     */
    SkillContext NONE = new SkillContext() {
        @Override
        public List<Turn> history() {
            return List.of();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(String message) {}

        @Override
        public void partial(String textChunk) {}
    };

    /**
     * The earlier turns of this conversation, oldest first; empty outside a context.
     *
     * @return the turns
     */
    List<Turn> history();

    /**
     * Whether the task was cancelled; long work checks it and stops.
     *
     * @return true once the client cancelled
     */
    boolean isCancelled();

    /**
     * A safe point of long work: stops it when the task was cancelled. Call it where what is done so far is
     * consistent on its own (between two documents, between two tokens), never in the middle of a write.
     *
     * @param doneSoFar what the work has done until here, for the canceled task's status message
     * @throws SkillCancelledException when the task was cancelled
     */
    default void stopIfCancelled(String doneSoFar) {
        if (isCancelled()) {
            throw new SkillCancelledException(doneSoFar);
        }
    }

    /**
     * Reports progress; streamed to A2A clients as a working status.
     *
     * @param message a sentence about what is being done
     */
    void progress(String message);

    /**
     * Streams a piece of the answer text (a token, a line) as it is produced.
     *
     * @param textChunk the next piece of text
     */
    void partial(String textChunk);
}
