package dev.runtimeservice.manager.state;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link StateFolderInUseException} as a start-up message saying what to do. */
class StateFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<StateFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StateFolderInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". This manager touched none of its agents.",
                "Use the manager that runs (pid " + cause.holder() + "), stop it first, or give this one a state "
                        + "folder of its own (STATE_DIR) and a port of its own (PORT).",
                cause);
    }
}
