package dev.runtimeservice.agent.kendra.ingest;

/** One document of a batch cannot be indexed; the batch goes on without it. */
class InvalidDocumentException extends RuntimeException {

    InvalidDocumentException(String message) {
        super(message);
    }
}
