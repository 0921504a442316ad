package dev.runtimeservice.agent.sdk.resources;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad resources file into a short start-up failure report that says what to do. */
class ResourcesFileFailureAnalyzer extends AbstractFailureAnalyzer<ResourcesFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ResourcesFileException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix or remove " + cause.file() + ". It must hold a JSON object such as "
                        + "{\"id\":\"<uuid>\",\"name\":\"<agent>\",\"resources\":{\"<name>\":{...}}}; "
                        + "the manager writes it when it launches the agent with resources.",
                cause);
    }
}
