package dev.runtimeservice.agent.gpt4.generation;

/** The client went away during a generation, which was stopped; nobody is left to answer. */
public final class GenerationCancelledException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param cause why the text could not be delivered
     */
    public GenerationCancelledException(Throwable cause) {
        super("The client went away; generation stopped", cause);
    }
}
