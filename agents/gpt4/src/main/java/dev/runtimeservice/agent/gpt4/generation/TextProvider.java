package dev.runtimeservice.agent.gpt4.generation;

/** Something that generates text: a remote OpenAI-compatible server, a model in process, or none. */
public interface TextProvider {

    /**
     * Generates text, handing each piece to the sink as it is made.
     *
     * @param request what to generate, already within the limits
     * @param sink receives the text as it comes; {@link TokenSink#IGNORE} when only the result matters
     * @return the finished generation
     * @throws GenerationException when the provider cannot serve the request
     */
    GenerationResult generate(GenerationRequest request, TokenSink sink);

    /**
     * Describes the provider for {@code /status}, never with a secret.
     *
     * @return the description
     */
    ProviderStatus status();
}
