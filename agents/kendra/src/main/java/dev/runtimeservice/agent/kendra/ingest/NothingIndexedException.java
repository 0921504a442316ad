package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.sdk.skill.SkillInputException;
import java.util.stream.Collectors;

/**
 * No document of a batch could be indexed: a client error, answered 422 with every failure by {@code POST
 * /documents} and as a failed task whose message lists them over A2A.
 */
public class NothingIndexedException extends SkillInputException {

    private static final long serialVersionUID = 1L;

    /** The sentence {@code POST /documents} answers as the problem's detail. */
    static final String DETAIL =
            "No document of the batch could be indexed; see 'failed' for each one and what to change.";

    private final transient IngestResult result;

    /**
     * Creates the exception.
     *
     * @param result the batch's answer, with no document indexed
     */
    public NothingIndexedException(IngestResult result) {
        super("No document of the batch could be indexed: "
                + result.failed().stream()
                        .limit(10)
                        .map(f -> "#" + f.position() + (f.id() == null ? "" : " (" + f.id() + ")") + ": " + f.error())
                        .collect(Collectors.joining("; "))
                + (result.failed().size() > 10 ? "; and " + (result.failed().size() - 10) + " more" : "")
                + ". Fix them and send the batch again.");
        this.result = result;
    }

    /** @return the batch's answer, every document in {@code failed} */
    public IngestResult result() {
        return result;
    }
}
