package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import org.springframework.http.HttpStatus;

/** No document has the id asked for. */
class DocumentNotFoundException extends AgentSdkException {

    DocumentNotFoundException(String id) {
        super(
                HttpStatus.NOT_FOUND,
                "No document has id '" + id
                        + "'; ids are exact and case-sensitive. Add it with POST /documents or find ids with GET /search.");
    }
}
