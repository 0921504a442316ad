package dev.runtimeservice.agent.gpt4.embedded;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.FinishReason;
import dev.runtimeservice.agent.gpt4.generation.GenerationCancelledException;
import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.ProviderStatus;
import dev.runtimeservice.agent.gpt4.generation.TextProvider;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import dev.runtimeservice.agent.gpt4.generation.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a GGUF model in process through llama.cpp; conversations go through the model's own chat
 * template, as llama.cpp's server does, or, for a model without one, are given as plain text.
 */
public final class LlamaProvider implements TextProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlamaProvider.class);

    private final LlamaModel model;
    private final String modelName;
    private final String source;
    private final int slotContext;
    private final boolean ignoreEos;
    private final boolean chatTemplate;
    private final AdmissionGate gate;
    private final AtomicLong cancelled = new AtomicLong();

    private LlamaProvider(
            LlamaModel model, String modelName, String source, boolean chatTemplate, EmbeddedSettings settings) {
        this.model = model;
        this.chatTemplate = chatTemplate;
        this.modelName = modelName;
        this.source = source;
        this.slotContext = settings.contextSize();
        this.ignoreEos = settings.ignoreEos();
        this.gate = new AdmissionGate(
                settings.maxConcurrent(), settings.maxQueued(), settings.queueTimeout(), settings.retryAfter());
    }

    /**
     * Loads the model file.
     *
     * @param modelPath the GGUF file
     * @param source where the path came from, for messages
     * @param settings slots, queue and context
     * @return the provider
     * @throws IllegalStateException when the file is missing or cannot be loaded, naming the source
     */
    public static LlamaProvider load(Path modelPath, String source, EmbeddedSettings settings) {
        if (!Files.isRegularFile(modelPath)) {
            throw new IllegalStateException("The model file %s (from %s) does not exist or is not a file; point it at "
                            .formatted(modelPath, source)
                    + "a GGUF model on this machine (nothing is downloaded)");
        }
        boolean chatTemplate;
        try {
            chatTemplate = GgufMetadata.hasChatTemplate(modelPath);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The model file %s (from %s) is not a usable GGUF model: %s"
                            .formatted(modelPath, source, e.getMessage()),
                    e);
        }
        long started = System.nanoTime();
        ModelParameters parameters = new ModelParameters()
                .setModel(modelPath.toString())
                .setParallel(settings.maxConcurrent())
                .setCtxSize(settings.contextSize() * settings.maxConcurrent())
                .setThreads(settings.effectiveThreads())
                .disableLog();
        LlamaModel model;
        try {
            model = new LlamaModel(parameters);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The model file %s (from %s) could not be loaded by llama.cpp (%s); "
                                    .formatted(modelPath, source, e.getClass().getSimpleName())
                            + "is it a GGUF model?",
                    e);
        }
        String name = modelPath.getFileName().toString().replaceFirst("(?i)\\.gguf$", "");
        log.info(
                "Loaded model {} from {} in {} ms ({} slots of {} tokens, {})",
                name,
                modelPath,
                (System.nanoTime() - started) / 1_000_000,
                settings.maxConcurrent(),
                settings.contextSize(),
                chatTemplate ? "its chat template" : "plain-text prompts");
        return new LlamaProvider(model, name, source, chatTemplate, settings);
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenSink sink) {
        try (AdmissionGate.Permit permit = gate.enter()) {
            String prompt = render(request.messages());
            int promptTokens = model.encode(prompt).length;
            if (promptTokens >= slotContext) {
                throw GenerationException.badRequest(
                        ("The prompt is %d tokens; the in-process model's context holds %d "
                                        + "(gpt4.embedded.context-size). Shorten the prompt.")
                                .formatted(promptTokens, slotContext));
            }
            return run(parameters(prompt, request), promptTokens, request.maxTokens(), sink);
        }
    }

    private GenerationResult run(InferenceParameters parameters, int promptTokens, int maxTokens, TokenSink sink) {
        LlamaIterator tokens = model.generate(parameters).iterator();
        StringBuilder text = new StringBuilder();
        int generated = 0;
        try {
            while (tokens.hasNext()) {
                LlamaOutput output = tokens.next();
                // The last output only says "stop"; it carries no token unless it has text.
                if (!tokens.hasNext() && output.text.isEmpty()) {
                    break;
                }
                generated++;
                text.append(output.text);
                sink.accept(output.text);
            }
        } catch (IOException e) {
            tokens.cancel();
            cancelled.incrementAndGet();
            log.info("Client went away after {} tokens; generation stopped", generated);
            throw new GenerationCancelledException(e);
        } catch (RuntimeException e) {
            tokens.cancel();
            throw e;
        }
        FinishReason reason = generated >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP;
        return new GenerationResult(text.toString(), modelName, reason, new TokenUsage(promptTokens, generated));
    }

    private InferenceParameters parameters(String prompt, GenerationRequest request) {
        InferenceParameters parameters =
                new InferenceParameters(prompt).setNPredict(request.maxTokens()).setIgnoreEos(ignoreEos);
        if (request.temperature() != null) {
            parameters.setTemperature(request.temperature().floatValue());
        }
        if (request.topP() != null) {
            parameters.setTopP(request.topP().floatValue());
        }
        if (request.seed() != null) {
            parameters.setSeed((int) (request.seed() & 0x7fff_ffffL));
        }
        if (!request.stop().isEmpty()) {
            parameters.setStopStrings(request.stop().toArray(String[]::new));
        }
        return parameters;
    }

    private String render(List<ChatMessage> messages) {
        if (!chatTemplate) {
            return messages.stream().map(ChatMessage::content).collect(Collectors.joining("\n\n"));
        }
        String system = messages.stream()
                .filter(m -> "system".equals(m.role()))
                .map(ChatMessage::content)
                .collect(Collectors.joining("\n\n"));
        List<Pair<String, String>> turns = messages.stream()
                .filter(m -> !"system".equals(m.role()))
                .map(m -> new Pair<>(m.role(), m.content()))
                .toList();
        @Nullable String systemPrompt = system.isEmpty() ? null : system;
        return model.applyTemplate(new InferenceParameters("").setMessages(systemPrompt, turns));
    }

    @Override
    public ProviderStatus status() {
        return new ProviderStatus(
                "embedded",
                modelName,
                "llama.cpp in process, model file from " + source
                        + (chatTemplate ? "" : "; the model has no chat template, so prompts are given as plain text"),
                gate.active(),
                gate.queued(),
                cancelled.get());
    }

    /** Frees the model; llama.cpp's thread still holds the JVM, which the SDK's shutdown ends. */
    @Override
    public void close() {
        model.close();
    }
}
